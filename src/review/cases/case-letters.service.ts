import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { LetterReadingService } from '../../bot/letters/letter-reading.service';
import { CasesRepository } from '../../cases/cases.repository';
import { CASE_EVENT_BUS, CaseEventBus } from '../../cases/events/case-events.types';
import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import { DocumentsError } from '../../documents/documents.errors';
import { DocumentInfo, DocumentsService } from '../../documents/documents.service';
import { OcrError } from '../../documents/ocr/ocr.errors';
import { caseNotFound } from '../auth/case-access.guard';
import type { CaseLetterReading, LetterReadingView } from './case-letters.types';
import {
  mayReadAgain,
  READING_PENDING_MESSAGE,
  readingFailureMessage,
  readingFailureOf,
} from './letter-reading-failure.util';

/** Letters read side by side: each holds a PDF thread or decoded photo; the OCR queue does the rest. */
const concurrentReadings = 2;
/** When the OCR queue is full, a letter waits this long and is tried again, at most `busyAttempts` times. */
const busyRetryMs = 20_000;
const busyAttempts = 3;
/** How long shutting down waits for readings in progress; the start-up sweep reads the rest. */
const shutdownWaitMs = 10_000;

/**
 * A Kümmerer's letter upload is read in the background: the upload answers as soon as the file is
 * stored (reading state 'pending'); this service reads it through the OCR queue as the chat does
 * (LetterReadingService: analysis, explanation, case deadline), marks it 'done' or 'failed' with a
 * reason, records that in the audit log (categories and counts, never what the letter says), and
 * publishes `documents-changed` so open workspace pages update. Letters still pending at start-up
 * (a crash or restart) are read again.
 */
@Injectable()
export class CaseLettersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CaseLettersService.name);
  /** Letters waiting for a free slot, first come first served. */
  private readonly waiting: string[] = [];
  /** Letters queued or being read, so one letter is never read twice at once. */
  private readonly active = new Set<string>();
  /** Letters asked for again while still being read (failed a moment ago): read once more after. */
  private readonly again = new Set<string>();
  private running = 0;
  private idle: Array<() => void> = [];
  private stopping = false;

  constructor(
    private readonly documents: DocumentsService,
    private readonly reading: LetterReadingService,
    private readonly cases: CasesRepository,
    @Inject(CASE_EVENT_BUS) private readonly events: CaseEventBus,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.documents.findPendingReadings();
    if (pending.length > 0) {
      this.logger.log(`Reading ${pending.length} letter(s) left unread from before the restart.`);
    }
    for (const document of pending) {
      this.schedule(document.id);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    // Letters not started stay pending in the database: the next start reads them.
    this.waiting.length = 0;
    this.notifyIfIdle();
    await Promise.race([this.whenIdle(), new Promise((done) => setTimeout(done, shutdownWaitMs).unref())]);
    if (this.running > 0) {
      this.logger.warn(`${this.running} letter(s) are not read yet; they are read at the next start.`);
    }
  }

  /** Reads the stored document in the background (its reading state must be 'pending'). */
  schedule(documentId: string): void {
    if (this.stopping) {
      return;
    }
    if (this.active.has(documentId)) {
      this.again.add(documentId);
      return;
    }
    this.active.add(documentId);
    this.waiting.push(documentId);
    // After the current request has answered: nothing of the reading lengthens the upload.
    setImmediate(() => this.next());
  }

  /** An upload of this case with its reading; another case's or an unknown id is the case 404. */
  async readingOf(caseId: string, documentId: string): Promise<CaseLetterReading> {
    return this.resultOf(await this.uploadOf(caseId, documentId));
  }

  /**
   * Reads a letter of this case again whose reading failed (marked pending first, so a restart
   * does not lose it); one still pending stays as it is. Throws DOCUMENT_ALREADY_READ for a letter
   * that was read, and the case 404 for a document that is not this case's upload.
   */
  async readAgain(caseId: string, documentId: string): Promise<CaseLetterReading> {
    const document = await this.uploadOf(caseId, documentId);
    if (document.readingState === 'failed') {
      await this.documents.setReadingState(documentId, 'pending');
      this.schedule(documentId);
      return this.resultOf({ ...document, readingState: 'pending', readingFailure: null });
    }
    if (document.readingState !== 'pending') {
      throw new DocumentsError(
        'DOCUMENT_ALREADY_READ',
        'Dieser Brief ist schon gelesen. / This letter has been read already.',
      );
    }
    return this.resultOf(document);
  }

  /** The answer to an upload: the stored document and its reading (pending at first). */
  async resultOf(document: DocumentInfo): Promise<CaseLetterReading> {
    const caseDeadline = document.caseId ? (await this.cases.getCase(document.caseId)).nearestDeadline : null;
    return { document, reading: await this.view(document, caseDeadline) };
  }

  /** A Kümmerer's upload of this case (reading state set); anything else answers like an unknown case. */
  private async uploadOf(caseId: string, documentId: string): Promise<DocumentInfo> {
    const document = await this.documents.info(documentId).catch((error: unknown) => {
      throw error instanceof DocumentsError && error.code === 'DOCUMENT_NOT_FOUND' ? caseNotFound() : error;
    });
    if (document.caseId !== caseId || document.readingState === null) {
      throw caseNotFound();
    }
    return document;
  }

  private async view(document: DocumentInfo, caseDeadline: string | null): Promise<LetterReadingView> {
    const stored = document.readingState === 'failed' ? null : await this.documents.findAnalysis(document.id);
    const state = document.readingState ?? (stored ? 'done' : 'pending');
    const failure = document.readingFailure;
    return {
      state,
      message:
        state === 'pending'
          ? READING_PENDING_MESSAGE
          : state === 'failed' && failure
            ? readingFailureMessage(failure)
            : null,
      failure:
        state === 'failed' && failure ? { code: failure.code, mayReadAgain: mayReadAgain(failure) } : null,
      analysis: stored?.analysis ?? null,
      explanation: stored?.explanation ?? null,
      caseDeadline,
    };
  }

  /** Resolves when no letter is waiting or being read (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) {
      return Promise.resolve();
    }
    return new Promise((done) => this.idle.push(done));
  }

  private next(): void {
    while (this.running < concurrentReadings && this.waiting.length > 0) {
      const documentId = this.waiting.shift()!;
      this.running += 1;
      this.readOne(documentId)
        .catch((error: unknown) =>
          // Only the bookkeeping can fail here (database gone at shutdown); the letter stays pending.
          this.logger.error(`Letter ${documentId} stays pending: ${(error as Error).name}`),
        )
        .finally(() => {
          this.running -= 1;
          this.active.delete(documentId);
          if (this.again.delete(documentId)) {
            this.schedule(documentId);
          }
          this.next();
          this.notifyIfIdle();
        });
    }
  }

  private notifyIfIdle(): void {
    if (this.running === 0 && this.waiting.length === 0) {
      const waiters = this.idle;
      this.idle = [];
      waiters.forEach((done) => done());
    }
  }

  private async readOne(documentId: string): Promise<void> {
    let file;
    try {
      file = await this.documents.read(documentId);
    } catch (error) {
      if (error instanceof DocumentsError && error.code === 'DOCUMENT_NOT_FOUND') {
        return; // deleted with its case meanwhile
      }
      throw error;
    }
    const caseId = file.info.caseId;
    let stored: boolean;
    let outcome: Record<string, string | number | boolean>;
    try {
      const analysis = await this.readWhenNotBusy(documentId, file.bytes);
      stored = await this.documents.setReadingState(documentId, 'done');
      outcome = readOutcome(analysis);
      this.logger.log(`Letter ${documentId} read.`);
    } catch (error) {
      if (this.stopping && error instanceof OcrError && ['OCR_CLOSED', 'OCR_BUSY'].includes(error.code)) {
        return; // cut off by the shutdown: still pending, read at the next start
      }
      const failure = readingFailureOf(error);
      // Codes only: messages of other errors may quote the letter.
      this.logger.warn(`Reading letter ${documentId} failed: ${failure.code}`);
      stored = await this.documents.setReadingState(documentId, 'failed', failure);
      outcome = { state: 'failed', code: failure.code };
    }
    if (stored && caseId) {
      await this.audit
        .record({
          actor: 'system',
          action: 'case.document-read',
          subjectType: 'case',
          subjectId: caseId,
          details: { documentId, ...outcome },
        })
        .catch((error: unknown) =>
          // The reading's result is stored already: only the entry is missing.
          this.logger.error(
            `No audit entry for the reading of letter ${documentId}: ${(error as Error).name}`,
          ),
        );
      await this.publish(caseId);
    }
  }

  private async readWhenNotBusy(documentId: string, bytes: Uint8Array): Promise<LetterAnalysis> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // The workspace is German; the explanation is what the Kümmerer reads with the family.
        return (await this.reading.readAndStore(documentId, bytes, 'de')).analysis;
      } catch (error) {
        const busy = error instanceof OcrError && error.code === 'OCR_BUSY';
        if (!busy || attempt >= busyAttempts || this.stopping) {
          throw error;
        }
        await new Promise((done) => setTimeout(done, busyRetryMs).unref());
      }
    }
  }

  private async publish(caseId: string): Promise<void> {
    try {
      const summary = await this.cases.getCase(caseId);
      await this.events.publish({
        caseId,
        teamId: summary.teamId,
        kind: 'documents-changed',
        at: new Date().toISOString(),
      });
    } catch (error) {
      this.logger.warn(`No event for case ${caseId}: ${(error as Error).name}`);
    }
  }
}

/** What the audit log keeps of a reading: what kind of letter, and how much was found; no values. */
function readOutcome(analysis: LetterAnalysis): Record<string, string | number | boolean> {
  return {
    state: 'done',
    authority: analysis.authority,
    letterType: analysis.letterType,
    fieldsFound: Object.keys(analysis.evidence).length,
    deadline: analysis.deadline !== null,
  };
}
