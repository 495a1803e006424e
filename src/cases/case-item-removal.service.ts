import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { berlinDate } from '../common/berlin-date.util';
import { runInWriteTransaction } from '../database/write-transaction.util';
import { AnswerValue } from '../forms/definition/answers.types';
import { FormRegistry } from '../forms/forms.registry';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { IndexedQuestion } from '../forms/definition/question-index.util';
import { DataCipher } from '../privacy/data-cipher.service';
import { CaseDraftsService } from './case-drafts.service';
import { CasesError } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseAnswer } from './entities/case-answer.entity';
import {
  announceAnswersChanged,
  changeableCaseIn,
  insertKuemmererAnswer,
  refuseLocked,
  withdrawApproval,
} from './kuemmerer-change.util';
import { caseQuestions } from './open-questions.util';

export interface ItemRemovalResult {
  /** The group's number of items afterwards. */
  items: number;
  /** false: other answers are still incomplete, the earlier draft PDFs stay. */
  documentsRegenerated: boolean;
  /** true: the case was approved; its final PDFs and cover sheet were removed (as after a correction). */
  approvalWithdrawn: boolean;
}

/**
 * A Kümmerer removes one item of a repeat group ("Kind 2 entfernen": a child entered twice, or one
 * who does not belong in the application). The item's answers are superseded and marked removed,
 * never deleted; the items after it move up one number with their answers, provenance and earlier
 * values (Kind 3 becomes Kind 2); the group's count is a new row by the Kümmerer. Then, as after a
 * correction: drafts made again, an approval withdrawn, the case event published, audited.
 * A group keeps at least its `validation.min` items while it applies.
 */
@Injectable()
export class CaseItemRemovalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly registry: FormRegistry,
    private readonly repository: CasesRepository,
    private readonly drafts: CaseDraftsService,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Whether item `itemIndex` (from 0) of `groupId` may be removed now: null, or the reason why not
   * (German, then English), for the confirmation page to show instead of the button.
   */
  async refusal(
    caseId: string,
    groupId: string,
    itemIndex: number,
    now = new Date(),
  ): Promise<string[] | null> {
    try {
      const record = await this.repository.getCase(caseId);
      refuseLocked(caseId, record.status);
      const application = this.registry.loadedApplication(record.applicationId);
      const group = repeatGroup(application, groupId);
      const rows = await this.repository.findCurrentAnswers(caseId);
      const count = rows.find((row) => row.path === groupId)?.value;
      checkItem(application, group, typeof count === 'number' ? count : 0, itemIndex, rows, now);
      return null;
    } catch (error) {
      if (error instanceof CasesError && error.code !== 'CASE_NOT_FOUND' && error.reasons.length > 0) {
        return error.reasons;
      }
      throw error;
    }
  }

  async removeItem(
    caseId: string,
    item: { groupId: string; itemIndex: number },
    by: string,
    now = new Date(),
  ): Promise<ItemRemovalResult> {
    const { groupId, itemIndex } = item;
    const record = await this.repository.getCase(caseId);
    refuseLocked(caseId, record.status);
    const application = this.registry.loadedApplication(record.applicationId);
    const group = repeatGroup(application, groupId);
    const outcome = await runInWriteTransaction(this.dataSource, async (manager) => {
      // The answers read again inside the transaction too: they may have changed since.
      const current = await changeableCaseIn(manager, caseId);
      const answers = manager.getRepository(CaseAnswer);
      const countWhere = {
        caseId,
        questionId: groupId,
        groupId,
        itemIndex: IsNull(),
        supersededAt: IsNull(),
      };
      const countRow = await answers.findOne({ where: countWhere });
      const stored = countRow
        ? this.cipher.decryptJson<AnswerValue>(countRow.value, `case-answer:${caseId}:${countRow.id}`)
        : 0;
      const count = typeof stored === 'number' ? stored : 0;
      checkItem(application, group, count, itemIndex, await this.repository.findCurrentAnswers(caseId), now);

      // The item's answers: superseded (its current ones) and all of them marked removed, kept.
      await answers.update({ caseId, groupId, itemIndex, supersededAt: IsNull() }, { supersededAt: now });
      await answers.update({ caseId, groupId, itemIndex, removedAt: IsNull() }, { removedAt: now });
      // The items after it move up one number, each row with its value and provenance as it was.
      await answers
        .createQueryBuilder()
        .update(CaseAnswer)
        .set({ itemIndex: () => 'item_index - 1' })
        .where({ caseId, groupId, itemIndex: MoreThan(itemIndex), removedAt: IsNull() })
        .execute();
      await answers.update(countWhere, { supersededAt: now });
      await insertKuemmererAnswer(manager, this.cipher, {
        caseId,
        questionId: groupId,
        groupId,
        itemIndex: null,
        value: count - 1,
        by,
        now,
      });
      return { count, withdrawn: await withdrawApproval(manager, this.cases, current, by) };
    });
    const { count, withdrawn } = outcome;
    const documentsRegenerated = await this.drafts.regenerate(caseId, berlinDate(now));
    // Numbers only: which item of which group, never what it held.
    await this.audit.record({
      actor: by,
      action: 'case.item-removed',
      subjectType: 'case',
      subjectId: caseId,
      details: {
        group: groupId,
        item: itemIndex + 1,
        itemsBefore: count,
        documentsRegenerated,
        approvalWithdrawn: withdrawn !== null,
      },
    });
    await announceAnswersChanged(this.audit, this.cases, { caseId, by, reason: 'item-removed', withdrawn });
    return { items: count - 1, documentsRegenerated, approvalWithdrawn: withdrawn !== null };
  }
}

function repeatGroup(application: LoadedApplication, groupId: string): IndexedQuestion {
  const group = application.questions.get(groupId);
  if (!group || group.question.type !== 'repeat' || group.repeatId !== null) {
    throw new CasesError('CASE_ANSWER_UNKNOWN', `No repeat group "${groupId}".`, [
      'Diesen Eintrag gibt es in diesem Antrag nicht.',
      'This application has no such entry.',
    ]);
  }
  return group;
}

/** The item exists, and the group keeps its minimum while it applies ("mindestens ein Kind"). */
function checkItem(
  application: LoadedApplication,
  group: IndexedQuestion,
  count: number,
  itemIndex: number,
  rows: Parameters<typeof caseQuestions>[1],
  now: Date,
): void {
  const groupId = group.question.id;
  if (!Number.isInteger(itemIndex) || itemIndex < 0 || itemIndex >= count) {
    throw new CasesError('CASE_ANSWER_UNKNOWN', `${groupId} has no item ${itemIndex + 1}.`, [
      'Diesen Eintrag gibt es nicht (mehr). Bitte laden Sie die Seite neu.',
      'There is no such entry (any more). Please reload the page.',
    ]);
  }
  const min = group.question.validation?.min;
  if (typeof min !== 'number' || count - 1 >= min) {
    return;
  }
  // A group that no longer applies (its condition is false) prints nothing: no minimum to keep.
  const applies = [...caseQuestions(application, rows, berlinDate(now)).applying].some((path) =>
    path.startsWith(`${groupId}[`),
  );
  if (!applies) {
    return;
  }
  const label = group.question.pdfLabel ?? 'Eintrag';
  const some = min === 1 ? `ein ${label}` : `${min} Einträge (${label})`;
  throw new CasesError('CASE_ANSWER_INVALID', `${groupId} keeps at least ${min} items.`, [
    group.question.when === undefined
      ? `Ein Antrag auf ${application.definition.title.de} braucht mindestens ${some}.`
      : `Hier muss mindestens ${some} stehen, solange die Frage „${group.question.text.de}“ gilt. Gehört keines hierher, ändern Sie zuerst die Angabe, von der diese Frage abhängt.`,
    group.question.when === undefined
      ? `A ${(application.definition.title.en ?? application.definition.title.de).toLowerCase()} application needs at least ${min === 1 ? 'one' : min} ${group.question.label?.en ?? 'entry'}.`
      : `At least ${min} must stay here while this question applies; change the answer it depends on first.`,
  ]);
}
