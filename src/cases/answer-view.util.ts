import { AnswerValue } from '../forms/definition/answers.types';
import { DataCipher } from '../privacy/data-cipher.service';
import { pathOfRow } from './case-answer-rows.util';
import { CaseAnswerView } from './cases.types';
import { CaseAnswer } from './entities/case-answer.entity';

/** A stored answer row as the workspace and the export show it: value decrypted, provenance kept. */
export function toAnswerView(cipher: DataCipher, caseId: string, row: CaseAnswer): CaseAnswerView {
  return {
    id: row.id,
    path: pathOfRow(row),
    questionId: row.questionId,
    groupId: row.groupId,
    itemIndex: row.itemIndex,
    value: cipher.decryptJson<AnswerValue>(row.value, `case-answer:${caseId}:${row.id}`),
    markedUnknown: row.markedUnknown,
    source: row.source,
    sourceDocumentId: row.sourceDocumentId,
    sourcePage: row.sourcePage,
    sourceBox: row.sourceBox,
    sourceConfidence: row.sourceConfidence,
    givenBy: row.givenBy,
    givenAt: row.givenAt,
  };
}
