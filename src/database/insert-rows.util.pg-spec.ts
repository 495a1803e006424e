import { after, before, describe } from 'node:test';
import { insertRowsContract } from '../../test/support/insert-rows-contract';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database';

describe('insertRows on PostgreSQL', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase({ postgres: true });
  });
  after(() => database?.close());

  insertRowsContract(() => database);
});
