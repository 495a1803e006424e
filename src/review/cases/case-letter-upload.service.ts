import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, actorOf } from '../../accounts/accounts.types';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import { DocumentsError } from '../../documents/documents.errors';
import { DocumentInfo, DocumentsService } from '../../documents/documents.service';
import { checkDocumentIntake } from '../../documents/intake/check-document-intake.util';
import { DocumentIntakeError, DocumentIntakeErrorCode } from '../../documents/intake/document-intake.errors';
import { caseNotFound } from '../auth/case-access.guard';
import { CaseLettersService } from './case-letters.service';
import type { CaseLetterReading } from './case-letters.types';
import { UploadedLetter } from './letter-upload-parser.util';

/**
 * A Kümmerer uploads a letter for a family (the API and the case page): checked as the chat checks
 * it (type, size, pages, damaged or password-protected PDF), stored encrypted with the case and
 * audited; the OCR and the letter analysis then run in the background (CaseLettersService).
 * Refusals are DocumentIntakeErrors, so each caller words them for its reader.
 */
@Injectable()
export class CaseLetterUploadService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly letters: CaseLettersService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Stores the letter and schedules its reading; answers with the reading state 'pending'. */
  async upload(
    caseId: string,
    file: UploadedLetter['file'],
    user: AuthenticatedUser,
  ): Promise<CaseLetterReading> {
    if (!file) {
      throw new DocumentIntakeError('FILE_EMPTY', 'No file was uploaded.');
    }
    // The quick part of the intake (header, page count, password, damage) before anything is stored.
    await checkDocumentIntake(file.bytes, {
      maxBytes: this.config.DOCUMENT_MAX_BYTES,
      maxPages: this.config.DOCUMENT_MAX_PAGES,
      maxPixels: this.config.DOCUMENT_MAX_PIXELS,
    });
    let document: DocumentInfo;
    try {
      document = await this.documents.storeUpload({
        // A key of its own: the upload belongs to the case at once, never to a family's chat.
        conversationKey: `workspace/cases/${caseId}/`,
        caseId,
        fileName: file.originalName,
        bytes: file.bytes,
        readingState: 'pending',
      });
    } catch (error) {
      if (error instanceof DocumentsError) {
        throw new DocumentIntakeError(intakeCodeOf(error), error.message, { limit: error.limitBytes });
      }
      throw error;
    }
    await this.audit.record({
      actor: actorOf(user),
      action: 'case.document-uploaded',
      subjectType: 'case',
      subjectId: caseId,
      details: { documentId: document.id, mediaType: document.mediaType, sizeBytes: document.sizeBytes },
    });
    this.letters.schedule(document.id);
    return this.letters.resultOf(document);
  }

  /**
   * An upload of this case (the family's from the chat or a Kümmerer's), for viewing; audited
   * (`case.upload-viewed`). Any other document id is answered like another team's case (404).
   */
  async open(caseId: string, documentId: string, user: AuthenticatedUser): Promise<CaseUploadFile> {
    const file = await this.documents.read(documentId).catch((error: unknown) => {
      throw error instanceof DocumentsError && error.code === 'DOCUMENT_NOT_FOUND' ? caseNotFound() : error;
    });
    if (file.info.caseId !== caseId) {
      throw caseNotFound();
    }
    await this.audit.record({
      actor: actorOf(user),
      action: 'case.upload-viewed',
      subjectType: 'case',
      subjectId: caseId,
      details: { documentId },
    });
    return { fileName: file.fileName, mediaType: file.info.mediaType, bytes: file.bytes };
  }
}

/** An upload of a case as it was sent, decrypted, for the Kümmerer to look at. */
export interface CaseUploadFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

function intakeCodeOf(error: DocumentsError): DocumentIntakeErrorCode {
  switch (error.code) {
    case 'DOCUMENT_TOO_LARGE':
      return 'FILE_TOO_LARGE';
    case 'DOCUMENT_EMPTY':
      return 'FILE_EMPTY';
    default:
      return 'UNSUPPORTED_TYPE';
  }
}
