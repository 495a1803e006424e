import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { runInWriteTransaction } from '../database/write-transaction.util';
import { DataCipher } from '../privacy/data-cipher.service';
import { CaseExportService } from './case-export.service';
import { CONVERSATION_RECORDS, ConversationRecords } from './conversation-records.types';
import { CASE_EVENT_BUS, CaseEventBus, CaseEventKind } from './events/case-events.types';
import { CaseExport } from './case-export.types';
import { CaseNoteKind, CaseStatus, caseStatuses, familyNoteKinds } from './case-status.types';
import { CasesError } from './cases.errors';
import { CaseNote } from './entities/case-note.entity';
import { CaseStatusChange } from './entities/case-status-change.entity';
import { Case } from './entities/case.entity';

/**
 * Changes cases after they came in (CaseIntakeService): assignment, notes, status, deletion,
 * export, and the events that tell open workspace pages.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly audit: AuditService,
    private readonly exporter: CaseExportService,
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
   * Adds a note. A family message brings the case to the top as unread and out of "waiting for
   * family"; a Kümmerer's note or question back answers what the family wrote (no longer unread).
   * `at` dates the note and the family's activity (the bot's clock); default: now.
   */
  async addNote(
    caseId: string,
    note: { author: string; kind: CaseNoteKind; text: string; at?: Date },
  ): Promise<string> {
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
        ...(note.at ? { createdAt: note.at } : {}),
      });
      if (familyNoteKinds.includes(note.kind)) {
        const now = note.at ?? new Date();
        await manager
          .getRepository(Case)
          .update({ id: caseId }, { lastActivityAt: now, unreadFamilyMessageAt: now });
        // The Kümmerer has to read it: back to "in review" (also from "approved": the answer may change the forms).
        if (record.status === 'waiting_for_family' || record.status === 'approved') {
          await this.recordStatus(manager, record, 'in_review', note.author);
        }
      } else if (isKuemmerer(note.author) && record.unreadFamilyMessageAt) {
        await manager.getRepository(Case).update({ id: caseId }, { unreadFamilyMessageAt: null });
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

  /**
   * A Kümmerer read what the family wrote and has nothing to add. Only messages up to `seenUntil`
   * (the newest one the page showed) count as read: one that came in after stays unread.
   */
  async markFamilyMessagesRead(caseId: string, seenUntil: Date, by: string): Promise<void> {
    const result = await runInWriteTransaction(this.dataSource, (manager) =>
      manager
        .getRepository(Case)
        .createQueryBuilder()
        .update()
        .set({ unreadFamilyMessageAt: null })
        .where('id = :caseId AND unread_family_message_at <= :seenUntil', { caseId, seenUntil })
        .execute(),
    );
    if (!result.affected) {
      return;
    }
    await this.audit.record({
      actor: by,
      action: 'case.family-message-read',
      subjectType: 'case',
      subjectId: caseId,
    });
    await this.publish(caseId, 'family-message-read');
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

  /**
   * Sets the status inside the caller's write transaction and notes who changed it
   * (case_status_changes). The caller audits and publishes.
   */
  async recordStatus(manager: EntityManager, record: Case, to: CaseStatus, by: string): Promise<void> {
    if (record.status === to) {
      return;
    }
    // A Kümmerer's status change (a question back, an approval, ...) answers what the family wrote.
    const answered = isKuemmerer(by) ? { unreadFamilyMessageAt: null } : {};
    await manager.getRepository(Case).update({ id: record.id }, { status: to, ...answered });
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

/** "user:<id>": a person in the workspace, not the family, the system or a script. */
function isKuemmerer(actor: string): boolean {
  return actor.startsWith('user:');
}
