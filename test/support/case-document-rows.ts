import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CaseDocument } from '../../src/cases/entities/case-document.entity';
import { Case } from '../../src/cases/entities/case.entity';

/** A submitted Kindergeld case with nothing else: the parent row that case documents need. */
export async function insertTestCase(dataSource: DataSource): Promise<string> {
  const id = randomUUID();
  await dataSource.getRepository(Case).insert({
    id,
    applicationId: 'kindergeld',
    status: 'submitted',
    familyName: 'sealed',
    lastActivityAt: new Date(),
  });
  return id;
}

/** A KG 1 document row of `caseId` (its content is stored beside it, see binary-content.util). */
export function testDocumentRow(
  caseId: string,
  sizeBytes: number,
  extra: Partial<Pick<CaseDocument, 'mode' | 'baseSha256'>> = {},
): CaseDocument {
  return Object.assign(new CaseDocument(), {
    id: randomUUID(),
    caseId,
    formId: 'kg1',
    instanceIndex: null,
    title: 'KG 1',
    fileName: 'kg1.pdf',
    mode: 'draft',
    kind: 'official',
    sizeBytes,
    ...extra,
  });
}
