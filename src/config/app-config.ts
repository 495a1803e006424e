import { Transform, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting of the service, read once from the environment and validated at start-up.
 * Defaults are the embedded ones: SQLite in ./data, forms from ./forms.
 * Keep the README's environment-variable table in step with this class.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Folder for the embedded database, installed templates and other local state. */
  @IsString()
  DATA_DIR = './data';

  /** PostgreSQL connection string; when unset the embedded SQLite database in DATA_DIR is used. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  /** Folder with the form definitions (forms/<id>/form.yaml). */
  @IsString()
  FORMS_DIR = './forms';

  /** Folder with the installed official PDF templates; defaults to DATA_DIR/templates. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FORMS_TEMPLATE_DIR?: string;

  /**
   * Keys for encryption at rest, "id:base64(32 bytes),id2:...". Secret: no default in production;
   * elsewhere a local key is generated into DATA_DIR/data-key on first start.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,})*$/, {
    message: 'DATA_ENCRYPTION_KEYS must look like "<id>:<base64 of 32 bytes>[,<id>:<key>...]"',
  })
  DATA_ENCRYPTION_KEYS?: string;

  /** Which key of DATA_ENCRYPTION_KEYS encrypts new data; defaults to the last one. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATA_ENCRYPTION_KEY_ID?: string;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'json';

  get templateDir(): string {
    return this.FORMS_TEMPLATE_DIR ?? `${this.DATA_DIR.replace(/\/$/, '')}/templates`;
  }

  get databaseKind(): 'sqlite' | 'postgres' {
    return this.DATABASE_URL ? 'postgres' : 'sqlite';
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Reads and validates the configuration; throws one error that lists every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(Object.entries(env).filter(([key]) => known.includes(key)));
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      // One line per variable; never echo the value: it may be a secret or a URL with a password.
      errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`),
    );
  }
  return config;
}
