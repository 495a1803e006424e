import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';
import { DataCipher } from '../../src/privacy/data-cipher.service';
import { createPgSchema } from './pg-schema';

export interface TestDatabase {
  dataSource: DataSource;
  cipher: DataCipher;
  close(): Promise<void>;
}

export { testDatabaseUrl } from './pg-schema';

/** A cipher with a random key: what one test writes, only that test reads. */
export function testCipher(): DataCipher {
  return new DataCipher([{ id: 'test', key: randomBytes(32) }], 'test');
}

/**
 * The real schema (every migration) on a throw-away SQLite file, or with `postgres: true` in a
 * fresh schema of TEST_DATABASE_URL that is dropped afterwards.
 */
export async function openTestDatabase(options: { postgres?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-db-'));
  const schema = options.postgres ? await createPgSchema('test') : undefined;
  const url = schema?.url;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) });
  const dataSource = new DataSource(databaseOptions(config));
  await dataSource.initialize();
  return {
    dataSource,
    cipher: testCipher(),
    async close() {
      await dataSource.destroy();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
