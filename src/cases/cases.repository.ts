import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { readContentRow } from '../database/binary-content.util';
import { DataCipher } from '../privacy/data-cipher.service';
import { openCaseStatuses } from './case-status.types';
import { CasesError } from './cases.errors';
import { CaseAnswerView, CaseDocumentInfo, CaseNoteView, CaseSummary } from './cases.types';
import { caseDocumentContext } from './case-documents-store.util';
import { CaseAnswer } from './entities/case-answer.entity';
import { toAnswerView } from './answer-view.util';
import { CaseDocument } from './entities/case-document.entity';
import { CaseNote } from './entities/case-note.entity';
import { Case } from './entities/case.entity';
import { PdfBasesService } from './pdf-bases.service';
import { familyMovedLastSql } from './queue-order.util';

/** Reads cases, decrypted, with methods named for what the caller wants to know. */
@Injectable()
export class CasesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly bases: PdfBasesService,
  ) {}

  /** The case or CASE_NOT_FOUND. */
  async getCase(caseId: string): Promise<CaseSummary> {
    const record = await this.dataSource.getRepository(Case).findOne({ where: { id: caseId } });
    if (!record) {
      throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
    }
    return this.summaryOf(record);
  }

  /**
   * The queue: open cases; first those the family moved last (a new submission, or a message
   * nobody has answered yet), then by nearest deadline, then the oldest.
   */
  async findOpenCasesByDeadline(limit = 200): Promise<CaseSummary[]> {
    const records = await this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .where({ status: In([...openCaseStatuses]) })
      .orderBy(familyMovedLastSql, 'ASC')
      .addOrderBy('c.nearest_deadline', 'ASC', 'NULLS LAST')
      .addOrderBy('c.created_at', 'ASC')
      .limit(limit)
      .getMany();
    return records.map((record) => this.summaryOf(record));
  }

  /** The open case that came from this conversation (a family has one at a time), or null. */
  async findOpenCaseByConversation(conversationKey: string): Promise<CaseSummary | null> {
    const record = await this.dataSource.getRepository(Case).findOne({
      where: { conversationKey, status: In([...openCaseStatuses]) },
      order: { createdAt: 'DESC' },
    });
    return record ? this.summaryOf(record) : null;
  }

  /** The botbuilder ConversationReference stored at submission, for proactive messages. */
  async findConversationReference(caseId: string): Promise<object | null> {
    const record = await this.dataSource.getRepository(Case).findOne({ where: { id: caseId } });
    if (!record) {
      throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
    }
    return record.conversationReference
      ? this.cipher.decryptJson<object>(record.conversationReference, `case-conversation:${caseId}`)
      : null;
  }

  /** The current answers (not superseded) with provenance. */
  async findCurrentAnswers(caseId: string): Promise<CaseAnswerView[]> {
    const rows = await this.dataSource
      .getRepository(CaseAnswer)
      .createQueryBuilder('a')
      .where('a.case_id = :caseId AND a.superseded_at IS NULL', { caseId })
      .orderBy('a.group_id', 'ASC', 'NULLS FIRST')
      .addOrderBy('a.item_index', 'ASC', 'NULLS FIRST')
      .addOrderBy('a.question_id', 'ASC')
      .getMany();
    return rows.map((row) => toAnswerView(this.cipher, caseId, row));
  }

  async findDocuments(caseId: string): Promise<CaseDocumentInfo[]> {
    const rows = await this.dataSource
      .getRepository(CaseDocument)
      .find({ where: { caseId }, order: { createdAt: 'ASC', instanceIndex: 'ASC' } });
    return rows.map(({ id, formId, instanceIndex, title, fileName, mode, kind, sizeBytes, createdAt }) => ({
      id,
      formId,
      instanceIndex,
      title,
      fileName,
      mode,
      kind,
      sizeBytes,
      createdAt,
    }));
  }

  /** The decrypted PDF; the case id must match, so a document id alone never reads another case. */
  async readDocument(caseId: string, documentId: string): Promise<Buffer> {
    const stored = await readContentRow(
      this.dataSource,
      'case_documents',
      { id: documentId, case_id: caseId },
      ['base_sha256'],
    );
    if (!stored) {
      throw new CasesError('CASE_DOCUMENT_NOT_FOUND', `Case ${caseId} has no document ${documentId}.`);
    }
    const content = await this.cipher.decryptAsync(stored.content, caseDocumentContext(caseId, documentId));
    // A draft stored as an incremental update follows its base (the prepared template).
    const base = stored.values.base_sha256;
    return base ? this.bases.join(base, content) : content;
  }

  async findNotes(caseId: string): Promise<CaseNoteView[]> {
    const rows = await this.dataSource
      .getRepository(CaseNote)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      author: row.author,
      kind: row.kind,
      text: this.cipher.decryptJson<string>(row.text, `case-note:${caseId}:${row.id}`),
      createdAt: row.createdAt,
    }));
  }

  private summaryOf(record: Case): CaseSummary {
    return {
      id: record.id,
      applicationId: record.applicationId,
      status: record.status,
      teamId: record.teamId,
      familyName: this.cipher.decryptJson<string>(record.familyName, `case-family-name:${record.id}`),
      nearestDeadline: record.nearestDeadline,
      assignedTo: record.assignedTo,
      lastActivityAt: record.lastActivityAt,
      createdAt: record.createdAt,
      draftsPending: record.draftsPending,
      unreadFamilyMessageAt: record.unreadFamilyMessageAt,
    };
  }
}
