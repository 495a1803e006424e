import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

async function pragmasOfOpened(dataDir: string): Promise<{ journal: string; synchronous: number }> {
  const dataSource = new DataSource(databaseOptions(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir })));
  await dataSource.initialize();
  try {
    const [{ journal_mode: journal }] = (await dataSource.query('PRAGMA journal_mode')) as Array<{
      journal_mode: string;
    }>;
    const [{ synchronous }] = (await dataSource.query('PRAGMA synchronous')) as Array<{
      synchronous: number;
    }>;
    return { journal, synchronous };
  } finally {
    await dataSource.destroy();
  }
}

describe('databaseOptions (SQLite)', () => {
  it('commits durably (WAL, synchronous FULL) on a new database and after a restart alike', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-options-'));
    try {
      const full = 2;
      // First start creates the file; the second opens a file that is already in WAL mode, where
      // better-sqlite3's build default (NORMAL) would otherwise apply.
      assert.deepEqual(await pragmasOfOpened(dataDir), { journal: 'wal', synchronous: full });
      assert.deepEqual(await pragmasOfOpened(dataDir), { journal: 'wal', synchronous: full });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
