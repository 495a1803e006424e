import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentReadingState1796710000000 } from '../../src/database/migrations/1796710000000-document-reading-state';
import { openTestDatabase, TestDatabase } from '../support/test-database';

// The PostgreSQL suite applies, reverts and re-applies every migration; this is the same on SQLite.
describe('migration: reading state of uploaded documents', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  const columns = async () =>
    (
      (await database.dataSource.query(`SELECT name FROM pragma_table_info('documents')`)) as Array<{
        name: string;
      }>
    ).map((column) => column.name);

  it('adds the columns, and down() removes them again', async () => {
    assert.ok((await columns()).includes('reading_state'));
    assert.ok((await columns()).includes('reading_failure'));
    const runner = database.dataSource.createQueryRunner();
    const migration = new DocumentReadingState1796710000000();
    try {
      await migration.down(runner);
      assert.ok(!(await columns()).includes('reading_state'));
      assert.ok(!(await columns()).includes('reading_failure'));
      await migration.up(runner);
      assert.ok((await columns()).includes('reading_state'));
    } finally {
      await runner.release();
    }
  });
});
