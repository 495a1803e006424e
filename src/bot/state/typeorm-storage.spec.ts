import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { storageContract } from '../../../test/support/storage-contract';

describe('TypeOrmStorage on SQLite', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase();
  });

  after(async () => {
    await database.close();
  });

  storageContract(() => database);

  it('uses the SQLite file with the migrated bot_state table', async () => {
    const columns = await database.dataSource.query<Array<{ name: string }>>(
      `PRAGMA table_info("bot_state")`,
    );
    assert.deepEqual(
      columns.map((column) => column.name),
      ['key', 'etag', 'document', 'updated_at'],
    );
  });
});
