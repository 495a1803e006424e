import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
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
import { CaseExportService } from './case-export.service';
import { CONVERSATION_RECORDS, ConversationRecords } from './conversation-records.types';
import { CaseTeamService } from './case-team.service';
import { CASE_EVENT_BUS, CaseEventBus, CaseEventKind } from './events/case-events.types';
import { CaseExport } from './case-export.types';
import {
  CaseNoteKind,
  CaseStatus,
  caseStatuses,
  familyNoteKinds,
  openCaseStatuses,
} from './case-status.types';
import { CasesError } from './cases.errors';
import { FamilyConversation } from './cases.types';
import { CaseAnswer } from './entities/case-answer.entity';
import { CaseNote } from './entities/case-note.entity';
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
 * Creates and changes cases. One conversation has at most one open case: a request for a human
 * before submission opens it, the submission then completes it.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly drafts: CaseDraftsService,
    private readonly audit: AuditService,
    private readonly exporter: CaseExportService,
    private readonly teams: CaseTeamService,
    @Inject(CASE_EVENT_BUS) private readonly events: CaseEventBus,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Tells open workspace pages that a case changed (ids only). */
  async publish(caseId: string, kind: CaseEventKind): Promise<void> {
    const record = await this.dataSource
      .getRepository(Case)
      .findOne({ where: { id: caseId }, select: { id: true, teamId: true } });
    if (record) {
      await this.events.publish({ caseId, teamId: record.teamId, kind, at: new Date().toISOString() });
    }
  }

  /** Takes the case for a Kümmerer ("user:<id>"), or releases it (null). */
  async assign(caseId: string, assignee: string | null, by: string): Promise<void> {
    const result = await runInWriteTransaction(this.dataSource, (manager) =>
      manager.getRepository(Case).update({ id: caseId }, { assignedTo: assignee }),
    );
    if (!result.affected) {
      throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
    }
    await this.audit.record({
      actor: by,
      action: 'case.assigned',
      subjectType: 'case',
      subjectId: caseId,
      details: { assignee: assignee ?? 'none' },
    });
    await this.publish(caseId, 'assigned');
  }

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
    await this.publish(caseId, 'created');
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
    await this.addNote(caseId, { author: 'family', kind: 'human-request', text });
    return caseId;
  }

  /** Adds a note; a family reply also brings the case back to the top and out of "waiting for family". */
  async addNote(caseId: string, note: { author: string; kind: CaseNoteKind; text: string }): Promise<string> {
    const id = randomUUID();
    await runInWriteTransaction(this.dataSource, async (manager) => {
      const record = await manager.getRepository(Case).findOne({ where: { id: caseId } });
      if (!record) {
        throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
      }
      await manager.getRepository(CaseNote).insert({
        id,
        caseId,
        author: note.author,
        kind: note.kind,
        text: this.cipher.encryptJson(note.text, `case-note:${caseId}:${id}`),
      });
      if (familyNoteKinds.includes(note.kind)) {
        await manager.getRepository(Case).update({ id: caseId }, { lastActivityAt: new Date() });
        // The Kümmerer has to read it: back to "in review" (also from "approved": the answer may change the forms).
        if (record.status === 'waiting_for_family' || record.status === 'approved') {
          await this.recordStatus(manager, record, 'in_review', note.author);
        }
      }
    });
    await this.audit.record({
      actor: note.author,
      action: 'case.note-added',
      subjectType: 'case',
      subjectId: caseId,
      details: { kind: note.kind },
    });
    await this.publish(caseId, familyNoteKinds.includes(note.kind) ? 'family-message' : 'note-added');
    return id;
  }

  async changeStatus(caseId: string, status: CaseStatus, changedBy: string): Promise<void> {
    if (!caseStatuses.includes(status)) {
      throw new CasesError('CASE_STATUS_INVALID', `"${String(status)}" is no case status.`);
    }
    await runInWriteTransaction(this.dataSource, async (manager) => {
      const record = await manager.getRepository(Case).findOne({ where: { id: caseId } });
      if (!record) {
        throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
      }
      await this.recordStatus(manager, record, status, changedBy);
    });
    await this.audit.record({
      actor: changedBy,
      action: 'case.status-changed',
      subjectType: 'case',
      subjectId: caseId,
      details: { status },
    });
    await this.publish(caseId, 'status-changed');
  }

  /**
   * Deletes the case with every answer, PDF, note, status change and upload (the tables cascade)
   * and the channel's log of the conversation (CONVERSATION_RECORDS).
   */
  async deleteCase(caseId: string, deletedBy: string): Promise<void> {
    const result = await runInWriteTransaction(this.dataSource, async (manager) => {
      const record = await manager
        .getRepository(Case)
        .findOne({ where: { id: caseId }, select: { id: true, conversationKey: true } });
      // The channel's log of the conversation (Direct Line activities and files) goes with the case.
      if (record?.conversationKey) {
        await this.conversationRecords()?.erase(manager, record.conversationKey);
        // The bot's saved interview (answers given so far) and resume codes of the conversation go too.
        // By table name: the bot module depends on cases, not the other way round.
        for (const [table, column] of [
          ['bot_state', 'key'],
          ['resume_codes', 'conversation_key'],
        ]) {
          await manager
            .createQueryBuilder()
            .delete()
            .from(table)
            .where(`${column} = :key`, { key: record.conversationKey })
            .execute();
        }
      }
      return manager.getRepository(Case).delete({ id: caseId });
    });
    if (!result.affected) {
      throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
    }
    await this.audit.record({
      actor: deletedBy,
      action: 'case.deleted',
      subjectType: 'case',
      subjectId: caseId,
    });
  }

  /** Everything stored about the family in this case, decrypted (GDPR Art. 15/20); audited. */
  exportCase(caseId: string, requestedBy = 'system'): Promise<CaseExport> {
    return this.exporter.exportCase(caseId, requestedBy);
  }

  /** The channels' conversation records, when a channel module is loaded (looked up lazily). */
  private conversationRecords(): ConversationRecords | undefined {
    try {
      return this.moduleRef.get<ConversationRecords>(CONVERSATION_RECORDS, { strict: false });
    } catch {
      return undefined;
    }
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

  private async recordStatus(
    manager: EntityManager,
    record: Case,
    to: CaseStatus,
    by: string,
  ): Promise<void> {
    if (record.status === to) {
      return;
    }
    await manager.getRepository(Case).update({ id: record.id }, { status: to });
    await manager.getRepository(CaseStatusChange).insert({
      id: randomUUID(),
      caseId: record.id,
      fromStatus: record.status,
      toStatus: to,
      changedBy: by,
      // Milliseconds (the column default has seconds): the queue reads the newest change.
      changedAt: new Date(),
    });
    record.status = to;
  }
}
