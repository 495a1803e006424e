import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PgSchema {
  /** Schema name, for queries against information_schema. */
  name: string;
  /** DATABASE_URL whose connections use only this schema. */
  url: string;
  /** A connection outside the app, to look at what the app stored. */
  admin: Client;
  drop(): Promise<void>;
}

/**
 * A fresh schema in the shared `test` database, dropped afterwards: keeps runs repeatable and
 * lets several suites (and parallel files) use one PostgreSQL without seeing each other.
 */
export async function createPgSchema(prefix: string): Promise<PgSchema> {
  const name = `antragslotse_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${name}"`);
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    admin,
    async drop() {
      await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await admin.end();
    },
  };
}
