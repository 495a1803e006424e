import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { berlinDate } from '../common/berlin-date.util';
import { runInWriteTransaction } from '../database/write-transaction.util';
import { ApplicationFillerService } from '../filling/application-filler.service';
import { FormsError } from '../forms/forms.errors';
import { PdfError } from '../pdf/pdf.errors';
import { DataCipher } from '../privacy/data-cipher.service';
import { answeredOnOf, answersFromRows } from './case-answer-rows.util';
import {
  caseDocumentContext,
  replaceCaseDocuments,
  sealedCaseDocumentsOf,
} from './case-documents-store.util';
import { CasesError } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { Case } from './entities/case.entity';
import { CASE_EVENT_BUS, CaseEventBus } from './events/case-events.types';
import { PdfBasesService } from './pdf-bases.service';

/** How long shutting down waits for draft PDFs in progress; the start-up sweep makes the rest. */
const shutdownWaitMs = 10_000;

/**
 * The draft PDFs of a case, made from its current answers. After a submission they are made in
 * the background, so the family's "ja" is answered at once; `drafts_pending` marks a case whose
 * drafts are owed, and the sweep at start-up makes those a crash or restart interrupted.
 * Fills of one case run one after the other, so the latest answers always win. Background fills
 * (after a submission, the start-up sweep) take turns, as many at a time as there are PDF workers:
 * a burst of submissions then spreads its reading, checking and storing on the event loop over
 * the time the workers need anyway, instead of doing all of it at once while families chat. A
 * Kümmerer's correction (regenerate) does not wait for them.
 */
@Injectable()
export class CaseDraftsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CaseDraftsService.name);
  /** The last fill queued per case; fills of different cases run side by side (background ones take turns). */
  private readonly queued = new Map<string, Promise<boolean>>();
  /** Background fills waiting for their turn, first come first served. */
  private readonly backlog: Array<(go: boolean) => void> = [];
  private backgroundRunning = 0;
  /** Background fills the shutdown kept from starting: their cases stay pending for the next start. */
  private notStarted = 0;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    private readonly filler: ApplicationFillerService,
    private readonly repository: CasesRepository,
    private readonly bases: PdfBasesService,
    @Inject(CASE_EVENT_BUS) private readonly events: CaseEventBus,
  ) {}

  /** Start-up: drafts owed from before a crash or restart are made in the background. */
  async onApplicationBootstrap(): Promise<void> {
    const owed = await this.dataSource
      .getRepository(Case)
      .find({ where: { draftsPending: true }, select: { id: true, lastActivityAt: true } });
    if (owed.length > 0) {
      this.logger.log(`Making the draft PDFs of ${owed.length} case(s) left from before the restart.`);
    }
    for (const record of owed) {
      this.schedule(record.id, berlinDate(record.lastActivityAt));
    }
  }

  /** Shutting down: fills in progress may finish (bounded); what is left stays pending for the sweep. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    // Fills not started stay pending in the database: the next start makes them.
    for (const wake of this.backlog.splice(0)) {
      wake(false);
    }
    await Promise.race([this.whenIdle(), new Promise((done) => setTimeout(done, shutdownWaitMs).unref())]);
    const left = this.queued.size + this.notStarted;
    if (left > 0) {
      this.logger.warn(
        `The draft PDFs of ${left} case(s) are not made yet; they are made at the next start.`,
      );
    }
  }

  /**
   * Makes the drafts in the background; a failure is logged and the case stays pending. The work
   * starts once the current turn has answered (setImmediate): reading and checking the answers
   * for the fill runs on the event loop and would otherwise lengthen the family's "ja". It waits
   * for its turn among the other background fills.
   */
  schedule(caseId: string, today: string): void {
    this.regenerate(caseId, today, { background: true }).catch((error: unknown) => {
      if (error instanceof CasesError && error.code === 'CASE_NOT_FOUND') {
        return; // deleted meanwhile: nothing to make
      }
      if (this.stopping || error instanceof ShuttingDown) {
        return; // cut off by the shutdown: counted in onModuleDestroy, made at the next start
      }
      this.logger.error(
        `Draft PDFs of case ${caseId} failed; they are made again at the next start: ${describe(error)}`,
      );
    });
  }

  /**
   * Fills the drafts from the case's current answers and stores them (replacing earlier drafts).
   * `today` is the date of signing (YYYY-MM-DD). Returns false when answers are incomplete: the
   * earlier drafts stay, and a correction by the Kümmerer makes new ones.
   */
  regenerate(caseId: string, today: string, options: { background?: boolean } = {}): Promise<boolean> {
    const previous = (this.queued.get(caseId) ?? Promise.resolve(true)).catch(() => false);
    const next = options.background
      ? previous.then(() => this.inBackgroundTurn(() => this.fillAndStore(caseId, today)))
      : previous.then(() => this.fillAndStore(caseId, today));
    this.queued.set(caseId, next);
    const forget = () => {
      if (this.queued.get(caseId) === next) {
        this.queued.delete(caseId);
      }
    };
    next.then(forget, forget);
    return next;
  }

  /** Runs `work` after the current task, once fewer background fills run than there are PDF workers. */
  private async inBackgroundTurn<T>(work: () => Promise<T>): Promise<T> {
    await new Promise((done) => setImmediate(done));
    let go = !this.stopping;
    if (go && this.backgroundRunning < this.filler.parallelFills) {
      this.backgroundRunning += 1;
    } else if (go) {
      // true: a finished fill handed its place over; false: the service is shutting down.
      go = await new Promise<boolean>((wake) => this.backlog.push(wake));
    }
    if (!go) {
      this.notStarted += 1;
      throw new ShuttingDown();
    }
    try {
      return await work();
    } finally {
      // The place goes straight to the next fill waiting, else it is free again.
      const next = this.backlog.shift();
      if (next) {
        next(true);
      } else {
        this.backgroundRunning -= 1;
      }
    }
  }

  /** Resolves when no fill is queued or running (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.queued.size > 0) {
      await Promise.allSettled([...this.queued.values()]);
    }
  }

  private async fillAndStore(caseId: string, today: string): Promise<boolean> {
    const record = await this.dataSource
      .getRepository(Case)
      .findOne({ where: { id: caseId }, select: { id: true, applicationId: true, teamId: true } });
    if (!record) {
      throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} does not exist.`);
    }
    const rows = await this.repository.findCurrentAnswers(caseId);
    let made = true;
    try {
      // Answers marked "Ich weiß es nicht" stay empty on the draft for the Kümmerer to complete.
      // Sealed by the PDF worker: the plain PDFs (megabytes) never pass through this process, and
      // nothing in the transaction below waits for encryption.
      const documents = await this.filler.fillSealed(
        record.applicationId,
        answersFromRows(rows),
        {
          mode: 'draft',
          today,
          unknownPaths: rows.filter((row) => row.markedUnknown).map((row) => row.path),
          answeredOn: answeredOnOf(rows),
        },
        { key: this.cipher.sealingKey(), contextOf: (id) => caseDocumentContext(caseId, id) },
      );
      // A draft of an official form is an update over the prepared template, stored once.
      await this.bases.store(documents.map((document) => document.base));
      const sealed = sealedCaseDocumentsOf(caseId, 'draft', documents);
      const stored = await runInWriteTransaction(this.dataSource, async (manager) => {
        const result = await manager.getRepository(Case).update({ id: caseId }, { draftsPending: false });
        if (!result.affected) {
          return false; // the case was deleted while its PDFs were being filled
        }
        await replaceCaseDocuments(manager, caseId, 'draft', sealed);
        return true;
      });
      if (!stored) {
        throw new CasesError('CASE_NOT_FOUND', `Case ${caseId} was deleted meanwhile.`);
      }
    } catch (error) {
      if (!(error instanceof FormsError && error.code === 'ANSWERS_INVALID')) {
        throw error;
      }
      // Nothing to make until the Kümmerer completes the answers.
      this.logger.warn(`Draft PDFs of case ${caseId} not made: answers incomplete.`);
      await this.dataSource.getRepository(Case).update({ id: caseId }, { draftsPending: false });
      made = false;
    }
    await this.events.publish({
      caseId,
      teamId: record.teamId,
      kind: 'documents-changed',
      at: new Date().toISOString(),
    });
    return made;
  }
}

/** A background fill not started because the service is shutting down; the case stays pending. */
class ShuttingDown extends Error {
  constructor() {
    super('The service is shutting down; the drafts are made at the next start.');
    this.name = 'ShuttingDown';
  }
}

/** Our domain errors carry no personal data; anything else is named only (messages may quote values). */
function describe(error: unknown): string {
  if (error instanceof PdfError || error instanceof CasesError) {
    return `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.name : 'unknown error';
}
