import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { insertRows } from '../../src/database/insert-rows.util';
import { placeholder } from '../../src/database/plain-sql.util';
import { CaseDocument } from '../../src/cases/entities/case-document.entity';
import { CasesRepository } from '../../src/cases/cases.repository';
import { caseDocumentContext } from '../../src/cases/case-documents-store.util';
import { PdfBasesService } from '../../src/cases/pdf-bases.service';
import type { PdfBase } from '../../src/pdf/workers/pdf-render-job.types';
import { insertTestCase, testDocumentRow } from './case-document-rows';
import type { TestDatabase } from './test-database';

/** A base as the PDF worker hands it over, counting how often its bytes are read. */
function baseOf(bytes: Buffer): PdfBase & { reads: number } {
  const base = {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    reads: 0,
    read: () => {
      base.reads++;
      return Promise.resolve(bytes);
    },
  };
  return base;
}

interface StoredDocumentInput {
  content: Buffer;
  baseSha256: string | null;
  mode: 'draft' | 'final';
}

/** A case with documents whose content is encrypted as the service stores it. */
async function storeCase(
  { dataSource, cipher }: TestDatabase,
  documents: StoredDocumentInput[],
): Promise<{ caseId: string; rows: CaseDocument[] }> {
  const caseId = await insertTestCase(dataSource);
  const rows = documents.map((document) =>
    testDocumentRow(caseId, document.content.length, {
      mode: document.mode,
      baseSha256: document.baseSha256,
    }),
  );
  await insertRows(dataSource.manager, CaseDocument, rows, {
    rowsPerStatement: 1,
    content: documents.map((document, index) =>
      cipher.encrypt(document.content, caseDocumentContext(caseId, rows[index].id)),
    ),
  });
  return { caseId, rows };
}

async function baseRows(database: TestDatabase): Promise<Array<{ sha256: string; size_bytes: number }>> {
  return database.dataSource.query(`SELECT "sha256", "size_bytes" FROM "pdf_bases" ORDER BY "sha256"`);
}

/** Bases of incremental drafts: stored once, in the clear, and joined with the update on reading. */
export function pdfBasesContract(database: () => TestDatabase): void {
  it('stores a base once, however often and by however many instances it is handed over', async () => {
    const bytes = randomBytes(256 * 1024);
    const base = baseOf(bytes);
    const first = new PdfBasesService(database().dataSource);
    const second = new PdfBasesService(database().dataSource);

    await Promise.all([first.store([base, base]), second.store([base, undefined])]);
    await first.store([base]);

    const rows = (await baseRows(database())).filter((row) => row.sha256 === base.sha256);
    assert.deepEqual(rows, [{ sha256: base.sha256, size_bytes: bytes.length }]);
    // Each instance reads the bytes at most once; once it knows the base is stored, not again.
    assert.ok(base.reads <= 2, `${base.reads} reads`);
  });

  it('refuses bytes that do not have the hash they are named by', async () => {
    const base = { ...baseOf(randomBytes(64)), read: () => Promise.resolve(randomBytes(64)) };
    await assert.rejects(
      new PdfBasesService(database().dataSource).store([base]),
      /does not have that SHA-256/,
    );
    assert.ok(!(await baseRows(database())).some((row) => row.sha256 === base.sha256));
  });

  it('reads a document stored as an update as its base followed by the decrypted update', async () => {
    const { dataSource, cipher } = database();
    const bases = new PdfBasesService(dataSource);
    const repository = new CasesRepository(dataSource, cipher, bases);
    const baseBytes = Buffer.from(`%PDF-1.7 base ${randomUUID()}\n`, 'latin1');
    const base = baseOf(baseBytes);
    await bases.store([base]);
    const update = Buffer.from('1 0 obj << /Filled (ja) >> endobj\n', 'latin1');
    const whole = Buffer.from('%PDF-1.7 a whole final\n', 'latin1');
    const { caseId, rows } = await storeCase(database(), [
      { content: update, baseSha256: base.sha256, mode: 'draft' },
      { content: whole, baseSha256: null, mode: 'final' },
    ]);

    assert.deepEqual(await repository.readDocument(caseId, rows[0].id), Buffer.concat([baseBytes, update]));
    assert.deepEqual(await repository.readDocument(caseId, rows[1].id), whole);
    // Another service instance (nothing cached) reads the base from the database.
    const other = new CasesRepository(dataSource, cipher, new PdfBasesService(dataSource));
    assert.deepEqual(await other.readDocument(caseId, rows[0].id), Buffer.concat([baseBytes, update]));
  });

  it('makes drafts stored as updates owed again when the migration is reverted, and keeps the rest', async () => {
    const { dataSource } = database();
    const base = baseOf(randomBytes(1024));
    await new PdfBasesService(dataSource).store([base]);
    const { caseId, rows } = await storeCase(database(), [
      { content: randomBytes(100), baseSha256: base.sha256, mode: 'draft' },
      { content: randomBytes(100), baseSha256: null, mode: 'final' },
    ]);
    const index = dataSource.migrations.findIndex((migration) => migration.name === 'PdfBases1796700000000');
    assert.ok(index >= 0);
    try {
      // The later migrations too (they come back with runMigrations), then this one.
      for (let undo = index; undo < dataSource.migrations.length; undo++) {
        await dataSource.undoLastMigration();
      }
      const left = await dataSource.query<Array<{ id: string }>>(
        `SELECT "id" FROM "case_documents" WHERE "case_id" = ${placeholder(dataSource, 1)}`,
        [caseId],
      );
      assert.deepEqual(
        left.map((row) => row.id),
        [rows[1].id],
      );
      const [record] = await dataSource.query<Array<{ pending: boolean | number }>>(
        `SELECT "drafts_pending" AS "pending" FROM "cases" WHERE "id" = ${placeholder(dataSource, 1)}`,
        [caseId],
      );
      assert.equal(Boolean(record.pending), true);
    } finally {
      await dataSource.runMigrations();
    }
  });

  it('says so when a stored draft names a base that is not there', async () => {
    const bases = new PdfBasesService(database().dataSource);
    await assert.rejects(bases.join('0'.repeat(64), Buffer.from('update')), /base 0{64} .* is missing/);
  });
}
