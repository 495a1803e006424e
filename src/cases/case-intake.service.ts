import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { berlinDate } from '../common/berlin-date.util';
import { insertRows } from '../database/insert-rows.util';
import { runInWriteTransaction } from '../database/write-transaction.util';
import { StoredDocument } from '../documents/stored-document.entity';
import { Answers } from '../forms/definition/answers.types';
import { InterviewState } from '../interview/interview-state.types';
import { DataCipher } from '../privacy/data-cipher.service';
import { AnswerRow, toAnswerRows } from './case-answer-rows.util';
import { CaseDraftsService } from './case-drafts.service';
import { openCaseStatuses } from './case-status.types';
import { CaseTeamService } from './case-team.service';
import { CasesService } from './cases.service';
import { FamilyConversation } from './cases.types';
import { CaseAnswer } from './entities/case-answer.entity';
import { CaseStatusChange } from './entities/case-status-change.entity';
import { Case } from './entities/case.entity';
import { familyDisplayName } from './family-display-name.util';

/** What the family handed in: the answers of the submission (the engine leaves out irrelevant ones). */
export interface Submission {
  answers: Answers;
  unknown: readonly string[];
}

export interface CaseClock {
  /** Now; the date of signing is derived from it (Europe/Berlin). */
  now: Date;
}

/**
 * Cases coming in from the chat. One conversation has at most one open case: a request for a human
 * before submission opens it, the submission then completes it. Changes afterwards: CasesService.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly drafts: CaseDraftsService,
    private readonly audit: AuditService,
    private readonly teams: CaseTeamService,
    private readonly cases: CasesService,
  ) {}

  /**
   * The family submitted: stores the answers with provenance and the uploads of the conversation;
   * status "submitted". The draft PDFs (official form when the template is installed, else the
   * answer summary) follow in the background (CaseDraftsService), so the family is answered at once.
   */
  async createFromInterview(
    state: InterviewState,
    conversation: FamilyConversation,
    submission: Submission = { answers: state.answers, unknown: state.unknown },
    clock: CaseClock = { now: new Date() },
  ): Promise<string> {
    const rows = toAnswerRows(submission.answers, state.provenance, submission.unknown);
    const caseId = await runInWriteTransaction(this.dataSource, async (manager) => {
      const id = await this.openCase(
        manager,
        state.applicationId,
        submission.answers,
        conversation,
        clock.now,
        { draftsPending: true },
      );
      await this.replaceAnswers(manager, id, rows, clock.now);
      await manager
        .getRepository(StoredDocument)
        .update({ conversationKey: conversation.key, caseId: IsNull() }, { caseId: id });
      // In the same commit: one fsync less on the family's "ja", and no case without its entry.
      await this.audit.record(
        {
          actor: 'family',
          action: 'case.submitted',
          subjectType: 'case',
          subjectId: id,
          details: {
            answers: rows.length,
            unknown: rows.filter((row) => row.markedUnknown).length,
          },
        },
        manager,
      );
      return id;
    });
    await this.cases.publish(caseId, 'created');
    this.drafts.schedule(caseId, berlinDate(clock.now));
    return caseId;
  }

  /**
   * The family asked for a person before (or after) submitting: a note on the conversation's open
   * case, which is opened with the answers so far if there is none yet.
   */
  async recordHumanRequest(
    state: InterviewState,
    conversation: FamilyConversation,
    text: string,
    clock: CaseClock = { now: new Date() },
  ): Promise<string> {
    const rows = toAnswerRows(state.answers, state.provenance, state.unknown);
    const caseId = await runInWriteTransaction(this.dataSource, async (manager) => {
      const open = await this.findOpenCase(manager, conversation.key);
      if (open) {
        return open.id;
      }
      const id = await this.openCase(manager, state.applicationId, state.answers, conversation, clock.now);
      await this.replaceAnswers(manager, id, rows, clock.now);
      return id;
    });
    await this.cases.addNote(caseId, { author: 'family', kind: 'human-request', text, at: clock.now });
    return caseId;
  }

  private findOpenCase(manager: EntityManager, conversationKey: string): Promise<Case | null> {
    return manager.getRepository(Case).findOne({
      where: { conversationKey, status: In([...openCaseStatuses]) },
      order: { createdAt: 'DESC' },
    });
  }

  /** The conversation's open case, or a new one in status "submitted". */
  private async openCase(
    manager: EntityManager,
    applicationId: string,
    answers: Answers,
    conversation: FamilyConversation,
    now: Date,
    flags: { draftsPending: boolean } = { draftsPending: false },
  ): Promise<string> {
    const existing = await this.findOpenCase(manager, conversation.key);
    const id = existing?.id ?? randomUUID();
    const teamId = existing ? existing.teamId : await this.teams.resolve(conversation.team, manager);
    const values = {
      familyName: this.cipher.encryptJson(familyDisplayName(answers), `case-family-name:${id}`),
      conversationReference: this.cipher.encryptJson(conversation.reference, `case-conversation:${id}`),
      lastActivityAt: now,
      // A submission owes draft PDFs; an earlier request for a person leaves an existing flag alone.
      ...(flags.draftsPending ? { draftsPending: true } : {}),
    };
    if (existing) {
      await manager.getRepository(Case).update({ id }, values);
      return id;
    }
    const record = manager.getRepository(Case).create({
      id,
      applicationId,
      status: 'submitted',
      conversationKey: conversation.key,
      teamId,
      nearestDeadline: null,
      assignedTo: null,
      ...values,
    });
    await manager.getRepository(Case).insert(record);
    await manager.getRepository(CaseStatusChange).insert({
      id: randomUUID(),
      caseId: id,
      fromStatus: null,
      toStatus: 'submitted',
      changedBy: 'family',
      changedAt: now,
    });
    return id;
  }

  /** Earlier family answers of the case are superseded, never overwritten. */
  private async replaceAnswers(
    manager: EntityManager,
    caseId: string,
    rows: AnswerRow[],
    now: Date,
  ): Promise<void> {
    await manager
      .getRepository(CaseAnswer)
      .update({ caseId, source: In(['family', 'letter']), supersededAt: IsNull() }, { supersededAt: now });
    const records = rows.map((row) => {
      const id = randomUUID();
      const provenance = row.provenance;
      return manager.getRepository(CaseAnswer).create({
        id,
        caseId,
        questionId: row.questionId,
        groupId: row.groupId,
        itemIndex: row.itemIndex,
        value: this.cipher.encryptJson(row.value ?? null, `case-answer:${caseId}:${id}`),
        markedUnknown: row.markedUnknown,
        source: provenance?.source ?? 'family',
        sourceDocumentId: provenance?.documentId ?? null,
        sourcePage: provenance?.page ?? null,
        sourceBox: provenance?.box
          ? [provenance.box.x, provenance.box.y, provenance.box.width, provenance.box.height].join(',')
          : null,
        sourceConfidence: provenance?.confidence ?? null,
        givenBy: provenance?.source === 'kuemmerer' ? 'kuemmerer' : 'family',
        givenAt: provenance ? new Date(provenance.at) : now,
        supersededAt: null,
      });
    });
    await insertRows(manager, CaseAnswer, records);
  }
}
