// Definitions carry `schemaVersion`. When the format changes, bump CURRENT_SCHEMA_VERSION and add
// a step to MIGRATIONS that turns version n into n+1, so older definitions keep loading.

export const CURRENT_SCHEMA_VERSION = 1;

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] upgrades a raw definition from version n to n + 1. None exist yet. */
const MIGRATIONS: Record<number, Migration> = {};

export type MigrationResult = { ok: true; raw: Record<string, unknown> } | { ok: false; message: string };

/** Brings a raw (parsed, unvalidated) definition up to the current schema version. */
export function migrateDefinition(raw: Record<string, unknown>): MigrationResult {
  const version = raw.schemaVersion;
  if (version === undefined) {
    return {
      ok: false,
      message: `schemaVersion is missing (this service reads version ${CURRENT_SCHEMA_VERSION})`,
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `schemaVersion must be a whole number, got ${JSON.stringify(version)}` };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schemaVersion ${version} is newer than this service understands (${CURRENT_SCHEMA_VERSION}); update the service`,
    };
  }
  let current = raw;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const migrate = MIGRATIONS[from];
    if (!migrate) {
      return { ok: false, message: `no migration from schemaVersion ${from} to ${from + 1}` };
    }
    current = { ...migrate(current), schemaVersion: from + 1 };
  }
  return { ok: true, raw: current };
}
