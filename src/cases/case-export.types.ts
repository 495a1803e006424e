import { ConversationRecordsExport } from './conversation-records.types';
import { CaseAnswerView, CaseDocumentInfo, CaseNoteView, CaseSummary } from './cases.types';
import { CaseStatus } from './case-status.types';

/**
 * Everything stored about a family's case, decrypted (GDPR Art. 15 access, Art. 20 portability).
 * Plain JSON: dates as ISO strings after JSON.stringify, files as base64.
 */
export interface CaseExport {
  format: 'antragslotse-case-export';
  version: 1;
  exportedAt: Date;
  case: CaseSummary;
  /**
   * Every answer ever given, superseded ones included (with the time they were replaced), and those
   * of items a Kümmerer removed (with the time of the removal).
   */
  answers: Array<CaseAnswerView & { supersededAt: Date | null; removedAt: Date | null }>;
  notes: CaseNoteView[];
  statusChanges: Array<{
    fromStatus: CaseStatus | null;
    toStatus: CaseStatus;
    changedBy: string;
    changedAt: Date;
  }>;
  /** The filled PDFs (drafts and final copies). */
  generatedDocuments: Array<CaseDocumentInfo & { contentBase64: string }>;
  /** The files the family sent in the chat. */
  uploads: Array<{
    id: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    createdAt: Date;
    contentBase64: string;
  }>;
  /** The channel's address of the family's conversation (ids only), or null. */
  conversationReference: object | null;
  /** The channel's log of the conversation (Direct Line: every activity and file), or null. */
  conversationLog: ConversationRecordsExport | null;
}
