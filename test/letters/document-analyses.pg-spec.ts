import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, TestDatabase } from '../support/test-database';

const columnsOf = async (database: TestDatabase, table: string) =>
  (
    await database.dataSource.query<Array<{ column_name: string; data_type: string }>>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    )
  ).reduce<Record<string, string>>((columns, row) => ({ ...columns, [row.column_name]: row.data_type }), {});

// The letter migrations (document_analyses and its conversation reference) on PostgreSQL.
describe('document_analyses on PostgreSQL', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase({ postgres: true });
  });

  after(async () => {
    await database?.close();
  });

  it('has the table with a date deadline, encrypted text columns and a cascade from documents', async () => {
    const columns = await columnsOf(database, 'document_analyses');
    assert.deepEqual(columns, {
      document_id: 'uuid',
      analysis: 'text',
      explanation: 'text',
      locale: 'character varying',
      deadline: 'date',
      reminded_at: 'timestamp without time zone',
      created_at: 'timestamp without time zone',
      conversation_reference: 'text',
    });
    const id = '6f1c2a8e-3b7d-4c2e-9a41-0d5e8b7f1c23';
    await database.dataSource.query(
      `INSERT INTO documents (id, conversation_key, media_type, file_name, size_bytes, sha256, content)
       VALUES ($1, 'test/conversations/x/', 'image/png', 'sealed', 1, $2, 'sealed')`,
      [id, '0'.repeat(64)],
    );
    await database.dataSource.query(
      `INSERT INTO document_analyses (document_id, analysis, explanation, locale, deadline) VALUES ($1, 'a', 'e', 'de', '2026-12-15')`,
      [id],
    );
    const [row] = await database.dataSource.query<Array<{ deadline: string }>>(
      `SELECT deadline::text AS deadline FROM document_analyses WHERE document_id = $1`,
      [id],
    );
    assert.equal(row.deadline, '2026-12-15');
    await database.dataSource.query(`DELETE FROM documents WHERE id = $1`, [id]);
    const left = await database.dataSource.query(`SELECT 1 FROM document_analyses WHERE document_id = $1`, [
      id,
    ]);
    assert.equal(left.length, 0, 'deleted with its document');
  });

  it('reverts both letter migrations and applies them again', async () => {
    const { dataSource } = database;
    const names = dataSource.migrations.map((migration) => migration.name);
    const first = names.indexOf('DocumentAnalyses1796200000000');
    assert.equal(names[first + 1], 'LetterConversationReference1796300000000');
    // Later migrations (if any) first, then the reference column, then the table.
    for (let i = names.length - 1; i > first; i--) {
      await dataSource.undoLastMigration();
    }
    const columns = await columnsOf(database, 'document_analyses');
    assert.ok(columns.deadline && !('conversation_reference' in columns));
    await dataSource.undoLastMigration();
    assert.deepEqual(await columnsOf(database, 'document_analyses'), {}, 'the table is gone');
    assert.equal(await dataSource.showMigrations(), true);
    await dataSource.runMigrations();
    assert.equal(await dataSource.showMigrations(), false);
    assert.equal((await columnsOf(database, 'document_analyses')).conversation_reference, 'text');
  });
});
