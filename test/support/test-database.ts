import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';
import { DataCipher } from '../../src/privacy/data-cipher.service';

export interface TestDatabase {
  dataSource: DataSource;
  cipher: DataCipher;
  close(): Promise<void>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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
  let url: string | undefined;
  let admin: Client | undefined;
  const schema = `antragslotse_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (options.postgres) {
    admin = new Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    const withSchema = new URL(testDatabaseUrl);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    url = withSchema.toString();
  }
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) });
  const dataSource = new DataSource(databaseOptions(config));
  await dataSource.initialize();
  return {
    dataSource,
    cipher: testCipher(),
    async close() {
      await dataSource.destroy();
      if (admin) {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
