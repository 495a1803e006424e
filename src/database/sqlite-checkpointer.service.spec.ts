import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { SqliteCheckpointer } from './sqlite-checkpointer.service';

async function autocheckpoint(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query('PRAGMA wal_autocheckpoint')) as Array<{
    wal_autocheckpoint: number;
  }>;
  return row.wal_autocheckpoint;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) {
      return;
    }
    await sleep(25);
  }
  assert.fail(`timed out waiting until ${what}`);
}

describe('SqliteCheckpointer', () => {
  let database: TestDatabase;
  let file: string;
  beforeEach(async () => {
    database = await openTestDatabase();
    file = database.dataSource.options.database as string;
    await database.dataSource.query('CREATE TABLE blobs (id INTEGER PRIMARY KEY, content BLOB NOT NULL)');
  });
  afterEach(() => database.close());

  it('copies the log into the database file on its own thread; the connection stops checkpointing', async () => {
    const sut = new SqliteCheckpointer(database.dataSource, 20);
    await sut.onApplicationBootstrap();
    assert.equal(sut.running, true);
    assert.equal(await autocheckpoint(database.dataSource), 0);
    const sizeBefore = statSync(file).size;

    // 8 MB, twice what makes SQLite checkpoint by default: only the thread can have copied it.
    const written = Array.from({ length: 8 }, () => randomBytes(1024 * 1024));
    for (const content of written) {
      await database.dataSource.query('INSERT INTO blobs (content) VALUES (?)', [content]);
    }
    await until(() => statSync(file).size >= sizeBefore + 8 * 1024 * 1024, 'the file holds the blobs');
    await until(
      () => (sut.lastProgress?.log ?? 0) > 0 && sut.lastProgress?.checkpointed === sut.lastProgress?.log,
      'every frame of the log is checkpointed',
    );

    await sut.onApplicationShutdown();
    assert.equal(sut.running, false);
    assert.equal(await autocheckpoint(database.dataSource), 1000);
    const rows = (await database.dataSource.query('SELECT content FROM blobs ORDER BY id')) as Array<{
      content: Buffer;
    }>;
    assert.deepEqual(
      rows.map((row) => row.content),
      written,
    );
  });

  it('hands checkpointing back to the connection when its thread cannot work', async () => {
    // The thread opens the file by name: gone, it stops at once (the connection keeps its open file).
    rmSync(file);
    const sut = new SqliteCheckpointer(database.dataSource, 20);
    await sut.onApplicationBootstrap();

    await until(() => !sut.running, 'the thread has stopped');
    await until(
      async () => (await autocheckpoint(database.dataSource)) === 1000,
      'the connection checkpoints',
    );
    await sut.onApplicationShutdown();
  });

  it('leaves an in-memory database alone', async () => {
    const memory = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await memory.initialize();
    const sut = new SqliteCheckpointer(memory, 20);
    await sut.onApplicationBootstrap();

    assert.equal(sut.running, false);
    assert.equal(await autocheckpoint(memory), 1000);
    await sut.onApplicationShutdown();
    await memory.destroy();
  });
});
