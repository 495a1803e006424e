import { availableParallelism } from 'node:os';
import { Transform, plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

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

  // Channels (src/channels): Direct Line, /api/messages, web widget.

  /** Which bot answers: the Kindergeld bot, or the echo bot (benchmark floor, channel tests). */
  @IsIn(['antragslotse', 'echo'])
  BOT: 'antragslotse' | 'echo' = 'antragslotse';

  /** Secret: the Direct Line secret for server-to-server token generation; unset = secret calls refused. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(24, { message: 'DIRECTLINE_SECRET must be at least 24 characters' })
  DIRECTLINE_SECRET?: string;

  /** Secret: HS256 key for Direct Line tokens; required in production, else generated into DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'DIRECTLINE_TOKEN_SECRET must be at least 32 characters' })
  DIRECTLINE_TOKEN_SECRET?: string;

  /** Lifetime of a Direct Line token in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  DIRECTLINE_TOKEN_TTL_SECONDS = 1800;

  /** Largest upload per request in bytes (default 20 MB). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  DIRECTLINE_UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

  /** Public base URL (https://chat.example.org) for streamUrl and attachment links; else taken from the request. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+$/, {
    message: 'PUBLIC_BASE_URL must look like https://host[:port] without a path',
  })
  PUBLIC_BASE_URL?: string;

  /** Comma-separated origins (https://www.stadt.de) allowed to embed the chat: CORS and WebSocket origin. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CHAT_ALLOWED_ORIGINS?: string;

  /** Tokens per minute and IP address that POST /api/chat/token hands out. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CHAT_TOKEN_RATE_LIMIT_PER_MINUTE = 20;

  /** Redis for pub/sub between app instances (redis://host:6379); unset = one process. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  /** Azure Bot Service app registration for /api/messages; unset = authentication disabled (Emulator). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MICROSOFT_APP_ID?: string;

  /** Secret: the app registration's client secret. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MICROSOFT_APP_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
  MICROSOFT_APP_TYPE?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MICROSOFT_APP_TENANT_ID?: string;

  /** Largest document (photo, PDF) a family may send in the chat, in bytes (default 20 MB). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** Most pages of one document (PDF, multi-page TIFF) that are read. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DOCUMENT_MAX_PAGES = 20;

  /** Most pixels of one image, checked before decoding (decompression bombs); default 100 megapixels. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000_000)
  DOCUMENT_MAX_PIXELS = 100_000_000;

  /** OCR workers in this process (one thread and about 150 MB each); default: the number of cores. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  OCR_WORKERS = availableParallelism();

  /**
   * Child processes that fill PDFs (drafts after a submission, corrections, approval) at the lowest
   * CPU priority, so the chat stays responsive meanwhile; 0 fills on the main thread. ~100 MB each.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(16)
  PDF_WORKERS = 1;

  /** Pages that may wait for an OCR worker; beyond that a letter is refused with "try again later". */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OCR_QUEUE_LIMIT = 100;

  /** Days a resume code (continue on another device) stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  RESUME_CODE_TTL_DAYS = 30;

  /** Days before a letter's deadline the family is reminded in the chat (once per deadline). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  REMINDER_DAYS_BEFORE = 3;

  // Review workspace (src/accounts, src/review): sessions of Kümmerer and admins.

  /**
   * Team (its name, e.g. "Essen-Altendorf") that gets cases from chats without a team of their own;
   * unset = such cases stay unassigned and only admins see them.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DEFAULT_TEAM?: string;

  /** Minutes without a request after which a workspace session ends. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** Hours after sign-in after which a workspace session ends however active it is. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24)
  SESSION_MAX_HOURS = 12;

  /** Secure flag of the session cookie: auto = when the request came over HTTPS (see TRUST_PROXY). */
  @IsIn(['auto', 'always', 'never'])
  SESSION_COOKIE_SECURE: 'auto' | 'always' | 'never' = 'auto';

  /** Express "trust proxy": unset = none; "1" = one proxy hop; "loopback", or addresses/subnets. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[A-Za-z0-9.:/_, -]+)$/, {
    message: 'TRUST_PROXY must be true, a hop count, or addresses',
  })
  TRUST_PROXY?: string;

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
