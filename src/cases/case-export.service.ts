import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import { StoredDocument } from '../documents/stored-document.entity';
import { DataCipher } from '../privacy/data-cipher.service';
import { CaseExport } from './case-export.types';
import { CasesRepository } from './cases.repository';
import {
  CONVERSATION_RECORDS,
  ConversationRecords,
  ConversationRecordsExport,
} from './conversation-records.types';
import { Case } from './entities/case.entity';
import { CaseAnswer } from './entities/case-answer.entity';
import { toAnswerView } from './answer-view.util';
import { CaseStatusChange } from './entities/case-status-change.entity';

/** The privacy export of one case: everything stored about the family, decrypted, and audited. */
@Injectable()
export class CaseExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly cases: CasesRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Throws CasesError CASE_NOT_FOUND. `requestedBy` is written to the audit log ("user:<id>"). */
  async exportCase(caseId: string, requestedBy: string, now = new Date()): Promise<CaseExport> {
    const summary = await this.cases.getCase(caseId);
    const generated = await this.cases.findDocuments(caseId);
    const uploads = await this.dataSource
      .getRepository(StoredDocument)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    const result: CaseExport = {
      format: 'antragslotse-case-export',
      version: 1,
      exportedAt: now,
      case: summary,
      answers: await this.allAnswers(caseId),
      notes: await this.cases.findNotes(caseId),
      statusChanges: (
        await this.dataSource
          .getRepository(CaseStatusChange)
          .find({ where: { caseId }, order: { changedAt: 'ASC' } })
      ).map(({ fromStatus, toStatus, changedBy, changedAt }) => ({
        fromStatus,
        toStatus,
        changedBy,
        changedAt,
      })),
      generatedDocuments: await Promise.all(
        generated.map(async (document) => ({
          ...document,
          contentBase64: (await this.cases.readDocument(caseId, document.id)).toString('base64'),
        })),
      ),
      uploads: await Promise.all(
        uploads.map(async (upload) => {
          const { info, fileName, bytes } = await this.documents.read(upload.id);
          const { id, mediaType, sizeBytes, sha256, createdAt } = info;
          return {
            id,
            fileName,
            mediaType,
            sizeBytes,
            sha256,
            createdAt,
            contentBase64: bytes.toString('base64'),
          };
        }),
      ),
      conversationReference: await this.cases.findConversationReference(caseId),
      conversationLog: await this.conversationLog(caseId),
    };
    await this.audit.record({
      actor: requestedBy,
      action: 'case.exported',
      subjectType: 'case',
      subjectId: caseId,
      details: { answers: result.answers.length, documents: generated.length, uploads: uploads.length },
    });
    return result;
  }

  private async allAnswers(caseId: string): Promise<CaseExport['answers']> {
    const rows = await this.dataSource
      .getRepository(CaseAnswer)
      .find({ where: { caseId }, order: { givenAt: 'ASC', questionId: 'ASC' } });
    return rows.map((row) => ({
      ...toAnswerView(this.cipher, caseId, row),
      supersededAt: row.supersededAt,
      removedAt: row.removedAt,
    }));
  }

  private async conversationLog(caseId: string): Promise<ConversationRecordsExport | null> {
    const record = await this.dataSource
      .getRepository(Case)
      .findOne({ where: { id: caseId }, select: { id: true, conversationKey: true } });
    const records = this.conversationRecords();
    return record?.conversationKey && records ? records.export(record.conversationKey) : null;
  }

  /** The channels' conversation records (the Direct Line log), when a channel module is loaded. */
  private conversationRecords(): ConversationRecords | undefined {
    try {
      return this.moduleRef.get<ConversationRecords>(CONVERSATION_RECORDS, { strict: false });
    } catch {
      return undefined;
    }
  }
}
