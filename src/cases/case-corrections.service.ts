import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { berlinDate } from '../common/berlin-date.util';
import { runInWriteTransaction } from '../database/write-transaction.util';
import { AnswerValue } from '../forms/definition/answers.types';
import { FormRegistry } from '../forms/forms.registry';
import { DataCipher } from '../privacy/data-cipher.service';
import { pathOfRow } from './case-answer-rows.util';
import {
  announceAnswersChanged,
  changeableCaseIn,
  insertKuemmererAnswer,
  refuseLocked,
  withdrawApproval,
} from './kuemmerer-change.util';
import { CasesError } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseDraftsService } from './case-drafts.service';
import { CaseAnswer } from './entities/case-answer.entity';
import { readWorkspaceValue } from './parse-workspace-value.util';

export interface AnswerCorrection {
  /** "bank.iban" or "children[1].children.firstName" */
  path: string;
  /** What the Kümmerer typed or picked: "03.05.2010", "ja", a choice's code, "1.234,50". */
  value: string;
}

export interface CorrectionResult {
  value: AnswerValue;
  /** false: the value equals the current answer; nothing was stored, audited or regenerated. */
  changed: boolean;
  /** false: other answers are still incomplete, the earlier draft PDFs stay. */
  documentsRegenerated: boolean;
  /**
   * true: the case was approved; its final PDFs and cover sheet no longer matched the answers and
   * were removed, the case is "in_review" again and must be approved anew.
   */
  approvalWithdrawn: boolean;
}

/** A superseded value, for "changed by ... (before: ...)". */
export interface PreviousAnswer {
  path: string;
  value: AnswerValue;
  givenBy: string;
  givenAt: Date;
}

/**
 * A Kümmerer corrects an answer: read and checked with the chat's rules (readWorkspaceValue), stored
 * as a new row (source "kuemmerer"; the old row is superseded, never overwritten), draft PDFs
 * regenerated. The value already there is no correction: nothing is stored (`changed: false`).
 * On an approved case the correction withdraws the approval (final PDFs and cover sheet removed,
 * status "in_review"); on a sent or closed case it is refused (docs/case-status.md).
 */
@Injectable()
export class CaseCorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly registry: FormRegistry,
    private readonly repository: CasesRepository,
    private readonly drafts: CaseDraftsService,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async correctAnswer(
    caseId: string,
    correction: AnswerCorrection,
    by: string,
    now = new Date(),
  ): Promise<CorrectionResult> {
    const record = await this.repository.getCase(caseId);
    refuseLocked(caseId, record.status);
    const match = /^(?:([^[\]]+)\[(\d+)\]\.)?([^[\]]+)$/.exec(correction.path);
    const indexed = match
      ? this.registry.loadedApplication(record.applicationId).questions.get(match[3])
      : undefined;
    if (
      !match ||
      !indexed ||
      indexed.question.type === 'repeat' ||
      (indexed.repeatId ?? undefined) !== match[1]
    ) {
      throw new CasesError('CASE_ANSWER_UNKNOWN', `No question at "${correction.path}".`, [
        'Diese Frage gibt es in diesem Antrag nicht.',
        'This application has no such question.',
      ]);
    }
    const today = berlinDate(now);
    const checked = readWorkspaceValue(indexed.question, correction.value, today);
    if (!checked.ok) {
      throw new CasesError('CASE_ANSWER_INVALID', `Answer at ${correction.path} refused: ${checked.code}.`, [
        checked.message.de,
        checked.message.en,
      ]);
    }
    const groupId = match[1] ?? null;
    const itemIndex = match[2] === undefined ? null : Number(match[2]);
    const group =
      groupId === null
        ? undefined
        : this.registry.loadedApplication(record.applicationId).questions.get(groupId);
    const max = group?.question.validation?.max;
    const outcome = await runInWriteTransaction(this.dataSource, async (manager) => {
      const current = await changeableCaseIn(manager, caseId);
      const answers = manager.getRepository(CaseAnswer);
      const where = {
        caseId,
        questionId: indexed.question.id,
        groupId: groupId ?? IsNull(),
        itemIndex: itemIndex ?? IsNull(),
        supersededAt: IsNull(),
      };
      const before = await answers.findOne({ where });
      if (
        before &&
        !before.markedUnknown &&
        sameValue(
          this.cipher.decryptJson<AnswerValue>(before.value, `case-answer:${caseId}:${before.id}`),
          checked.value,
        )
      ) {
        return { changed: false } as const;
      }
      if (groupId !== null && itemIndex !== null) {
        await extendGroup(manager, this.cipher, {
          caseId,
          groupId,
          itemIndex,
          max: typeof max === 'number' ? max : Infinity,
          by,
          now,
        });
      }
      await answers.update(where, { supersededAt: now });
      await insertKuemmererAnswer(manager, this.cipher, {
        caseId,
        questionId: indexed.question.id,
        groupId,
        itemIndex,
        value: checked.value,
        by,
        now,
      });
      return { changed: true, withdrawn: await withdrawApproval(manager, this.cases, current, by) } as const;
    });
    if (!outcome.changed) {
      // Saving the value that is already there is no correction: no new row, audit entry or PDFs.
      return { value: checked.value, changed: false, documentsRegenerated: false, approvalWithdrawn: false };
    }
    const { withdrawn } = outcome;
    const documentsRegenerated = await this.drafts.regenerate(caseId, today);
    await this.audit.record({
      actor: by,
      action: 'case.answer-corrected',
      subjectType: 'case',
      subjectId: caseId,
      details: { path: correction.path, documentsRegenerated, approvalWithdrawn: withdrawn !== null },
    });
    await announceAnswersChanged(this.audit, this.cases, {
      caseId,
      by,
      reason: 'answer-corrected',
      withdrawn,
    });
    return {
      value: checked.value,
      changed: true,
      documentsRegenerated,
      approvalWithdrawn: withdrawn !== null,
    };
  }

  /**
   * The latest superseded value per path (what a correction replaced); not the answers of a removed
   * item, whose number the next item took.
   */
  async findPreviousAnswers(caseId: string): Promise<Map<string, PreviousAnswer>> {
    const rows = await this.dataSource
      .getRepository(CaseAnswer)
      .createQueryBuilder('a')
      .where('a.case_id = :caseId AND a.superseded_at IS NOT NULL AND a.removed_at IS NULL', { caseId })
      .orderBy('a.superseded_at', 'ASC')
      .getMany();
    const previous = new Map<string, PreviousAnswer>();
    for (const row of rows) {
      const path = pathOfRow(row);
      previous.set(path, {
        path,
        value: this.cipher.decryptJson<AnswerValue>(row.value, `case-answer:${caseId}:${row.id}`),
        givenBy: row.givenBy,
        givenAt: row.givenAt,
      });
    }
    return previous;
  }
}

/**
 * The first answer of a new item (a repeat group a correction switched on, such as the children
 * the family already gets Kindergeld for) counts the item in: the group's row holds the number of
 * items, which the case page and the forms go by. Items are added at the end only, and no more
 * than the group takes (its `validation.max`, as in the chat).
 */
async function extendGroup(
  manager: EntityManager,
  cipher: DataCipher,
  at: { caseId: string; groupId: string; itemIndex: number; max: number; by: string; now: Date },
): Promise<void> {
  const { caseId, groupId, itemIndex, max, by, now } = at;
  const answers = manager.getRepository(CaseAnswer);
  const where = { caseId, questionId: groupId, groupId, itemIndex: IsNull(), supersededAt: IsNull() };
  const row = await answers.findOne({ where });
  const stored = row ? cipher.decryptJson<AnswerValue>(row.value, `case-answer:${caseId}:${row.id}`) : 0;
  const count = typeof stored === 'number' ? stored : 0;
  if (itemIndex < count) {
    return;
  }
  if (itemIndex > count) {
    throw new CasesError('CASE_ANSWER_UNKNOWN', `Item ${itemIndex + 1} of ${groupId} would leave a gap.`, [
      'Diese Frage gibt es in diesem Antrag nicht.',
      'This application has no such question.',
    ]);
  }
  if (itemIndex >= max) {
    throw new CasesError('CASE_ANSWER_INVALID', `${groupId} takes at most ${max} items.`, [
      `Hier gehen höchstens ${max} Einträge. Es sind schon ${count}.`,
      `At most ${max} entries fit here; there are ${count} already.`,
    ]);
  }
  await answers.update(where, { supersededAt: now });
  await insertKuemmererAnswer(manager, cipher, {
    caseId,
    questionId: groupId,
    groupId,
    itemIndex: null,
    value: count + 1,
    by,
    now,
  });
}

/** Answers are JSON primitives (a repeat group's count is a number): compared as such. */
function sameValue(stored: AnswerValue, value: AnswerValue): boolean {
  return JSON.stringify(stored ?? null) === JSON.stringify(value ?? null);
}
