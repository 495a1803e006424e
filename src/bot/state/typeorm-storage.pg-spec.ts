import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { storageContract } from '../../../test/support/storage-contract';

describe('TypeOrmStorage on PostgreSQL', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase({ postgres: true });
  });

  after(async () => {
    await database?.close();
  });

  storageContract(() => database);

  it('runs on PostgreSQL', () => {
    assert.equal(database.dataSource.options.type, 'postgres');
  });
});
