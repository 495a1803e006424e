import { after, before, describe } from 'node:test';
import { binaryContentContract } from '../../test/support/binary-content-contract';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database';

describe('binary file content on PostgreSQL', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase({ postgres: true });
  });
  after(() => database?.close());

  binaryContentContract(() => database);
});
