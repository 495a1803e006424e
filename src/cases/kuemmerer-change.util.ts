import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AnswerValue } from '../forms/definition/answers.types';
import { DataCipher } from '../privacy/data-cipher.service';
import { CaseStatus, lockedAnswerStatuses } from './case-status.types';
import { CasesError } from './cases.errors';
import { CasesService } from './cases.service';
import { CaseAnswer } from './entities/case-answer.entity';
import { CaseDocument } from './entities/case-document.entity';
import { Case } from './entities/case.entity';

// What a Kümmerer's change to a case's answers does besides the change itself, the same for a
// correction and for removing an item of a repeat group.

/**
 * The case read again inside the change's transaction (its status may have changed since the
 * caller looked); CASE_NOT_FOUND, or CASE_STATUS_INVALID when its answers are final.
 */
export async function changeableCaseIn(manager: EntityManager, caseId: string): Promise<Case> {
  const current = await manager.getRepository(Case).findOne({ where: { id: caseId } });
  if (!current) {
    throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
  }
  refuseLocked(caseId, current.status);
  return current;
}

/** Sent and closed cases keep their answers as they are. */
export function refuseLocked(caseId: string, status: CaseStatus): void {
  if (lockedAnswerStatuses.includes(status)) {
    throw new CasesError('CASE_STATUS_INVALID', `Case ${caseId} is ${status}; its answers are final.`, [
      status === 'sent'
        ? 'Der Fall ist schon abgeschickt. Die Angaben lassen sich nicht mehr ändern.'
        : 'Der Fall ist abgeschlossen. Die Angaben lassen sich nicht mehr ändern.',
      status === 'sent'
        ? 'The case has been sent; its answers can no longer be changed.'
        : 'The case is closed; its answers can no longer be changed.',
    ]);
  }
}

/** A new current answer row given by the Kümmerer (the row it replaces is superseded before). */
export async function insertKuemmererAnswer(
  manager: EntityManager,
  cipher: DataCipher,
  row: {
    caseId: string;
    questionId: string;
    groupId: string | null;
    itemIndex: number | null;
    value: AnswerValue;
    by: string;
    now: Date;
  },
): Promise<void> {
  const id = randomUUID();
  await manager.getRepository(CaseAnswer).insert({
    id,
    caseId: row.caseId,
    questionId: row.questionId,
    groupId: row.groupId,
    itemIndex: row.itemIndex,
    value: cipher.encryptJson(row.value, `case-answer:${row.caseId}:${id}`),
    markedUnknown: false,
    source: 'kuemmerer',
    givenBy: row.by,
    givenAt: row.now,
    supersededAt: null,
  });
}

/** What an approval withdrawn by the change removed. */
export interface WithdrawnApproval {
  finalDocumentsRemoved: number;
}

/**
 * In the change's transaction: an approved case's final PDFs and cover sheet show the old answers,
 * so they go and the case is in review again (a person approves again). Null when not approved.
 */
export async function withdrawApproval(
  manager: EntityManager,
  cases: CasesService,
  current: Case,
  by: string,
): Promise<WithdrawnApproval | null> {
  if (current.status !== 'approved') {
    return null;
  }
  const removed = await manager.getRepository(CaseDocument).delete({ caseId: current.id, mode: 'final' });
  await cases.recordStatus(manager, current, 'in_review', by);
  return { finalDocumentsRemoved: removed.affected ?? 0 };
}

/** After the commit: the audit entry of a withdrawn approval, and the events open pages wait for. */
export async function announceAnswersChanged(
  audit: AuditService,
  cases: CasesService,
  change: { caseId: string; by: string; reason: string; withdrawn: WithdrawnApproval | null },
): Promise<void> {
  if (change.withdrawn) {
    await audit.record({
      actor: change.by,
      action: 'case.approval-withdrawn',
      subjectType: 'case',
      subjectId: change.caseId,
      details: { reason: change.reason, finalDocumentsRemoved: change.withdrawn.finalDocumentsRemoved },
    });
    await cases.publish(change.caseId, 'status-changed');
  }
  await cases.publish(change.caseId, 'answer-changed');
}
