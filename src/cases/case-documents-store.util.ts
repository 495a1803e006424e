import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { FilledDocument } from '../filling/filled-document.types';
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
  return {
    formId: document.formId,
    instanceIndex: document.instance ? document.instance.index : null,
    title: document.title,
    fileName: document.fileName,
    kind: document.official ? 'official' : 'summary',
    bytes: document.bytes,
  };
}

/** Replaces the case's documents of one mode (draft or final) with new ones, encrypted. */
export async function replaceCaseDocuments(
  manager: EntityManager,
  cipher: DataCipher,
  caseId: string,
  mode: FillMode,
  documents: readonly CaseDocumentInput[],
): Promise<void> {
  await manager.getRepository(CaseDocument).delete({ caseId, mode });
  for (const document of documents) {
    const id = randomUUID();
    await manager.getRepository(CaseDocument).insert({
      id,
      caseId,
      formId: document.formId,
      instanceIndex: document.instanceIndex,
      title: document.title,
      fileName: document.fileName,
      mode,
      kind: document.kind,
      sizeBytes: document.bytes.length,
      content: cipher.encrypt(document.bytes, `case-document:${caseId}:${id}`).toString('base64'),
    });
  }
}
