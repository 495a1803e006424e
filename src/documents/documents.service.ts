import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { readContent } from '../database/binary-content.util';
import { insertRows } from '../database/insert-rows.util';
import { DataCipher } from '../privacy/data-cipher.service';
import { DocumentsError } from './documents.errors';
import { DOCUMENTS_OPTIONS, DocumentsOptions } from './documents.options';
import { sniffType } from './intake/sniff-type.util';
import { DocumentAnalysisRecord } from './document-analysis.entity';
import type { LetterAnalysis } from './analysis/letter-analysis.types';
import { DocumentReadingFailure, DocumentReadingState, StoredDocument } from './stored-document.entity';

export interface UploadInput {
  /** botbuilder storage key of the conversation the file arrived in. */
  conversationKey: string;
  fileName: string;
  bytes: Uint8Array;
  /** The case the file belongs to at once (a Kümmerer's upload); chat uploads join it on submission. */
  caseId?: string;
  /** 'pending': read in the background after the upload (a Kümmerer's upload, see CaseLettersService). */
  readingState?: 'pending';
}

/** What may be shown about a document without decrypting it. */
export interface DocumentInfo {
  id: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  caseId: string | null;
  createdAt: Date;
  /** Background reading of a Kümmerer's upload; null for chat uploads (read by the chat's letter flow). */
  readingState: DocumentReadingState | null;
  readingFailure: DocumentReadingFailure | null;
}

/** A letter analysis stored with its document (decrypted), for the review workspace. */
export interface StoredAnalysis {
  documentId: string;
  analysis: LetterAnalysis;
  /** The plain-language text the family got in the chat, in `locale`. */
  explanation: string;
  locale: string;
  deadline: string | null;
  remindedAt: Date | null;
  createdAt: Date;
}

/** Stores uploaded files encrypted in the database; reading them (OCR, letters) comes later. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(StoredDocument) private readonly documents: Repository<StoredDocument>,
    @InjectRepository(DocumentAnalysisRecord) private readonly analyses: Repository<DocumentAnalysisRecord>,
    private readonly cipher: DataCipher,
    @Inject(DOCUMENTS_OPTIONS) private readonly options: DocumentsOptions,
  ) {}

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /** Checks size and type, encrypts and stores; throws DocumentsError with a code otherwise. */
  async storeUpload(input: UploadInput): Promise<DocumentInfo> {
    if (input.bytes.length === 0) {
      throw new DocumentsError('DOCUMENT_EMPTY', 'The uploaded file is empty.');
    }
    if (input.bytes.length > this.options.maxBytes) {
      throw new DocumentsError(
        'DOCUMENT_TOO_LARGE',
        `The uploaded file has ${input.bytes.length} bytes; at most ${this.options.maxBytes} are allowed.`,
        this.options.maxBytes,
      );
    }
    // HEIC is stored; reading it later says "not supported yet" (DocumentIntakeError HEIC_NOT_SUPPORTED).
    const mediaType = sniffType(input.bytes);
    if (!mediaType) {
      throw new DocumentsError(
        'DOCUMENT_TYPE_NOT_ALLOWED',
        'Only PDF files and photos (JPEG, PNG, WebP, HEIC, TIFF) are accepted.',
      );
    }
    const id = randomUUID();
    const record = this.documents.create({
      id,
      conversationKey: input.conversationKey,
      caseId: input.caseId ?? null,
      mediaType,
      fileName: this.cipher.encryptJson(input.fileName, `document-name:${id}`),
      sizeBytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      readingState: input.readingState ?? null,
      readingFailure: null,
      // Set here: the plain insert below does not read database defaults back into the entity.
      createdAt: new Date(),
    });
    const content = await this.cipher.encryptAsync(input.bytes, `document:${id}`);
    await insertRows(this.documents.manager, StoredDocument, [record], { content: [content] });
    return toInfo(record);
  }

  /**
   * Marks a document's background reading: 'pending' (again, for a retry), 'done' or 'failed' with
   * its reason. Returns false when the document no longer exists (deleted with its case).
   */
  async setReadingState(
    id: string,
    state: DocumentReadingState,
    failure: DocumentReadingFailure | null = null,
  ): Promise<boolean> {
    const result = await this.documents.update({ id }, { readingState: state, readingFailure: failure });
    return (result.affected ?? 0) > 0;
  }

  /** Documents whose background reading was started and not finished (a crash or restart in between). */
  async findPendingReadings(): Promise<Array<{ id: string; caseId: string | null }>> {
    return this.documents.find({
      where: { readingState: 'pending' },
      select: { id: true, caseId: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** The plain file name of a stored document, from its encrypted column (a list shows it). */
  fileNameOf(id: string, sealedFileName: string): string {
    return this.cipher.decryptJson<string>(sealedFileName, `document-name:${id}`);
  }

  /** The decrypted file; throws DOCUMENT_NOT_FOUND. */
  async read(id: string): Promise<{ info: DocumentInfo; fileName: string; bytes: Buffer }> {
    const record = await this.documents.findOneBy({ id });
    const content = record && (await readContent(this.documents.manager, 'documents', { id }));
    if (!record || !content) {
      throw new DocumentsError('DOCUMENT_NOT_FOUND', `Document ${id} does not exist.`);
    }
    return {
      info: toInfo(record),
      fileName: this.fileNameOf(id, record.fileName),
      bytes: await this.cipher.decryptAsync(content, `document:${id}`),
    };
  }

  /**
   * Stores (or replaces) the analysis of a document and the explanation the family got, encrypted.
   * `conversationReference` (the chat the letter came in) lets a reminder reach the family before
   * they submit; it is encrypted too.
   */
  async saveAnalysis(
    documentId: string,
    input: { analysis: LetterAnalysis; explanation: string; locale: string; conversationReference?: object },
  ): Promise<void> {
    await this.analyses.save(
      this.analyses.create({
        documentId,
        analysis: this.cipher.encryptJson(input.analysis, `document-analysis:${documentId}`),
        explanation: this.cipher.encryptJson(input.explanation, `document-explanation:${documentId}`),
        locale: input.locale,
        deadline: input.analysis.deadline?.date ?? null,
        remindedAt: null,
        conversationReference: input.conversationReference
          ? this.cipher.encryptJson(input.conversationReference, `document-conversation:${documentId}`)
          : null,
      }),
    );
  }

  /** The explanation the family got, when it came in another language than first stored. */
  async replaceExplanation(documentId: string, explanation: string, locale: string): Promise<void> {
    await this.analyses.update(
      { documentId },
      { explanation: this.cipher.encryptJson(explanation, `document-explanation:${documentId}`), locale },
    );
  }

  /** The chat a letter came in (for reminders before a case exists), or null. */
  async findConversationReference(documentId: string): Promise<object | null> {
    const record = await this.analyses
      .createQueryBuilder('analysis')
      .addSelect('analysis.conversationReference')
      .where('analysis.document_id = :documentId', { documentId })
      .getOne();
    return record?.conversationReference
      ? this.cipher.decryptJson<object>(record.conversationReference, `document-conversation:${documentId}`)
      : null;
  }

  /** The stored analysis of a document, or null when it was not (yet) analysed. */
  async findAnalysis(documentId: string): Promise<StoredAnalysis | null> {
    const record = await this.analyses.findOne({ where: { documentId } });
    if (!record) {
      return null;
    }
    return {
      documentId,
      analysis: this.cipher.decryptJson<LetterAnalysis>(record.analysis, `document-analysis:${documentId}`),
      explanation: this.cipher.decryptJson<string>(record.explanation, `document-explanation:${documentId}`),
      locale: record.locale,
      deadline: record.deadline,
      remindedAt: record.remindedAt,
      createdAt: record.createdAt,
    };
  }

  /** Metadata of one document; throws DOCUMENT_NOT_FOUND. */
  async info(id: string): Promise<DocumentInfo> {
    const record = await this.documents.findOne({ where: { id } });
    if (!record) {
      throw new DocumentsError('DOCUMENT_NOT_FOUND', `Document ${id} does not exist.`);
    }
    return toInfo(record);
  }

  async listForConversation(conversationKey: string): Promise<DocumentInfo[]> {
    const records = await this.documents.find({ where: { conversationKey }, order: { createdAt: 'ASC' } });
    return records.map(toInfo);
  }

  /** On submission the conversation's uploads join the case (and are deleted with it). */
  async attachToCase(conversationKey: string, caseId: string, manager?: EntityManager): Promise<number> {
    const repository = manager ? manager.getRepository(StoredDocument) : this.documents;
    const result = await repository.update({ conversationKey, caseId: IsNull() }, { caseId });
    return result.affected ?? 0;
  }

  /** Moves uploads along when a family resumes on another device. */
  async moveConversation(fromKey: string, toKey: string, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(StoredDocument) : this.documents;
    await repository.update({ conversationKey: fromKey }, { conversationKey: toKey });
  }

  /** Deletes every upload of a conversation that is not part of a case (e.g. after consent was refused). */
  async deleteForConversation(conversationKey: string): Promise<number> {
    const result = await this.documents
      .createQueryBuilder()
      .delete()
      .where('conversation_key = :conversationKey AND case_id IS NULL', { conversationKey })
      .execute();
    return result.affected ?? 0;
  }
}

function toInfo(record: StoredDocument): DocumentInfo {
  return {
    id: record.id,
    mediaType: record.mediaType,
    sizeBytes: record.sizeBytes,
    sha256: record.sha256,
    caseId: record.caseId,
    createdAt: record.createdAt,
    readingState: record.readingState ?? null,
    readingFailure: record.readingFailure ?? null,
  };
}
