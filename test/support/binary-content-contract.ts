import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { readContent } from '../../src/database/binary-content.util';
import { insertRows } from '../../src/database/insert-rows.util';
import { placeholders } from '../../src/database/plain-sql.util';
import { CaseDocument } from '../../src/cases/entities/case-document.entity';
import { insertTestCase, testDocumentRow } from './case-document-rows';
import type { TestDatabase } from './test-database';

/** Files are stored as bytes in the binary "content" column, on SQLite and on PostgreSQL. */
export function binaryContentContract(database: () => TestDatabase): void {
  it('stores file content byte for byte (zero bytes, megabytes) and reads it back', async () => {
    const { dataSource } = database();
    const caseId = await insertTestCase(database().dataSource);
    const small = Buffer.from([0, 1, 0, 255, 0x3a, 0]);
    const large = randomBytes(3 * 1024 * 1024);
    const rows = [testDocumentRow(caseId, small.length), testDocumentRow(caseId, large.length)];
    await insertRows(dataSource.manager, CaseDocument, rows, {
      rowsPerStatement: 1,
      content: [small, large],
    });

    assert.deepEqual(await readContent(dataSource, 'case_documents', { id: rows[0].id }), small);
    assert.deepEqual(
      await readContent(dataSource.manager, 'case_documents', { id: rows[1].id, case_id: caseId }),
      large,
    );
    assert.equal(
      await readContent(dataSource, 'case_documents', { id: rows[1].id, case_id: randomUUID() }),
      undefined,
    );
    // The entity never carries the bytes.
    const entity = await dataSource.getRepository(CaseDocument).findOneByOrFail({ id: rows[1].id });
    assert.equal('content' in entity, false);
    await assert.rejects(
      insertRows(dataSource.manager, CaseDocument, rows, { content: [small] }),
      /one content per row/,
    );
  });

  it('converts the base64 text of earlier versions to bytes, and back when the migration is reverted', async () => {
    const { dataSource } = database();
    const caseId = await insertTestCase(database().dataSource);
    const bytes = Buffer.concat([Buffer.from('v1:test:'), randomBytes(100_000)]);
    // Reverts the later migrations too (they come back with runMigrations), then this one.
    const index = dataSource.migrations.findIndex(
      (migration) => migration.name === 'BinaryFileContent1796500000000',
    );
    assert.ok(index >= 0);
    const undoThroughBinaryContent = async () => {
      for (let undo = index; undo < dataSource.migrations.length; undo++) {
        await dataSource.undoLastMigration();
      }
    };
    await undoThroughBinaryContent();
    try {
      const row = testDocumentRow(caseId, bytes.length);
      await dataSource.query(
        `INSERT INTO "case_documents" ("id", "case_id", "form_id", "title", "file_name", "mode", "kind", "size_bytes", "content")
         VALUES (${placeholders(dataSource, 9)})`,
        [
          row.id,
          caseId,
          row.formId,
          row.title,
          row.fileName,
          row.mode,
          row.kind,
          row.sizeBytes,
          bytes.toString('base64'),
        ],
      );
      await dataSource.runMigrations();
      assert.deepEqual(await readContent(dataSource, 'case_documents', { id: row.id }), bytes);

      await undoThroughBinaryContent();
      const [text] = await dataSource.query<Array<{ content: string }>>(
        `SELECT "content" FROM "case_documents" WHERE "id" = ${placeholders(dataSource, 1)}`,
        [row.id],
      );
      assert.equal(typeof text.content, 'string');
      assert.deepEqual(Buffer.from(text.content, 'base64'), bytes);
    } finally {
      await dataSource.runMigrations();
    }
    assert.equal(await dataSource.showMigrations(), false);
  });
}
