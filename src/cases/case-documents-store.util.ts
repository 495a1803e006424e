import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.util';
import { FilledDocument, FilledDocumentInfo, SealedFilledDocument } from '../filling/filled-document.types';
import { FillMode } from '../pdf/fill-plan';
import { DataCipher } from '../privacy/data-cipher.service';
import { CaseDocumentKind } from './case-status.types';
import { CaseDocument } from './entities/case-document.entity';

/** A PDF to store with a case: a filled form, or a generated sheet (cover). */
export interface CaseDocumentInput {
  formId: string;
  instanceIndex: number | null;
  title: string;
  fileName: string;
  kind: CaseDocumentKind;
  bytes: Uint8Array;
}

export function documentInputOf(document: FilledDocument): CaseDocumentInput {
  return { ...describedAs(document), bytes: document.bytes };
}

function describedAs(document: FilledDocumentInfo): Omit<CaseDocumentInput, 'bytes'> {
  return {
    formId: document.formId,
    instanceIndex: document.instance ? document.instance.index : null,
    title: document.title,
    fileName: document.fileName,
    kind: document.official ? 'official' : 'summary',
  };
}

/** A case document encrypted for storing; made before the transaction that stores it. */
export interface SealedCaseDocument {
  row: CaseDocument;
  content: Buffer;
}

/** Encrypts the documents on the thread pool (DataCipher.encryptAsync), so the event loop stays free. */
export function sealCaseDocuments(
  cipher: DataCipher,
  caseId: string,
  mode: FillMode,
  documents: readonly CaseDocumentInput[],
): Promise<SealedCaseDocument[]> {
  return Promise.all(
    documents.map(async ({ bytes, ...document }) => {
      const row = caseDocumentRow(randomUUID(), caseId, mode, document, bytes.length);
      return { row, content: await cipher.encryptAsync(bytes, caseDocumentContext(caseId, row.id)) };
    }),
  );
}

/**
 * Filled documents that came sealed for this case (ApplicationFillerService.fillSealed with
 * caseDocumentContext): stored under the ids they were sealed for.
 */
export function sealedCaseDocumentsOf(
  caseId: string,
  mode: FillMode,
  documents: readonly SealedFilledDocument[],
): SealedCaseDocument[] {
  return documents.map((document) => ({
    row: caseDocumentRow(
      document.id,
      caseId,
      mode,
      describedAs(document),
      document.sizeBytes,
      document.base?.sha256 ?? null,
    ),
    content: Buffer.from(document.sealed.buffer, document.sealed.byteOffset, document.sealed.byteLength),
  }));
}

function caseDocumentRow(
  id: string,
  caseId: string,
  mode: FillMode,
  document: Omit<CaseDocumentInput, 'bytes'>,
  sizeBytes: number,
  baseSha256: string | null = null,
): CaseDocument {
  return Object.assign(new CaseDocument(), { id, caseId, mode, ...document, sizeBytes, baseSha256 });
}

/** Replaces the case's documents of one mode (draft or final) with the sealed ones. */
export async function replaceCaseDocuments(
  manager: EntityManager,
  caseId: string,
  mode: FillMode,
  documents: readonly SealedCaseDocument[],
): Promise<void> {
  await manager.getRepository(CaseDocument).delete({ caseId, mode });
  await insertRows(
    manager,
    CaseDocument,
    documents.map((document) => document.row),
    { rowsPerStatement: 1, content: documents.map((document) => document.content) },
  );
}

/** The authenticated context of a case document's encryption: it cannot be moved to another record. */
export function caseDocumentContext(caseId: string, documentId: string): string {
  return `case-document:${caseId}:${documentId}`;
}
