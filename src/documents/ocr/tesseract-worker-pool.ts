import { availableParallelism } from 'node:os';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OcrError } from './ocr.errors';
import { localTesseractOptions } from './tesseract-local-paths.util';
import type { TesseractBlock } from './tesseract-result.util';

export interface TesseractPoolOptions {
  /** Number of OCR workers (threads); default: the number of cores. */
  size?: number;
  /** tesseract language string (default 'deu+eng'). */
  languages?: string;
  /** Time one page may take in a worker; the worker is replaced after that (default 60 s). */
  pageTimeoutMs?: number;
  /** tesseract parameters for every page (page segmentation mode etc.). */
  parameters?: Record<string, string>;
}

export interface RecognizeResult {
  blocks: TesseractBlock[];
  /** The small skew tesseract found and corrected (radians). */
  rotateRadians: number;
}

export interface OrientationResult {
  /** Clockwise rotation that makes the page upright: 0, 90, 180 or 270. */
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
}

/** A request of lendWhenFree: its work's result, or undefined when withdrawn or the pool closed. */
export interface HelperRequest<T> {
  result: Promise<T | undefined>;
  /** Withdraws the request if it is still waiting for a worker; no effect once the work has begun. */
  cancel(): void;
}

/** One worker lent to a caller of withWorker. */
export interface LentWorker {
  /** image: the bytes of an image file tesseract reads (PGM, PNG, JPEG...). */
  recognize(
    image: Buffer,
    options: RecognizeOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<RecognizeResult>;
}

export interface RecognizeOptions {
  deskew: boolean;
  /**
   * Binarisation inside tesseract: 'global' (Otsu over the whole page; right for scans and rendered
   * PDFs) or 'local' (Sauvola: a threshold per neighbourhood). Photos need 'local': with light
   * falling off to one side, one global threshold turns the darker half black and the page layout
   * analysis then drops whole text blocks as pictures.
   */
  threshold?: 'global' | 'local';
}

interface Slot {
  worker: Worker;
  onProgress?: (fraction: number) => void;
  /** The thresholding_method the worker is set to now (set only when a page needs another). */
  threshold: 'global' | 'local';
}

const thresholdingMethod = { global: '0', local: '2' } as const;

export const defaultTesseractParameters: Record<string, string> = {
  // 3 = fully automatic page segmentation: letters have an address field, an information block and
  // body text side by side.
  tessedit_pageseg_mode: '3',
  user_defined_dpi: '300',
  preserve_interword_spaces: '1',
};

/**
 * A fixed number of tesseract.js workers, all started on first use and reused for every page
 * (loading the language data takes ~0.3 s). Callers borrow a worker with withWorker; when all are
 * busy they wait in arrival order. lendWhenFree asks for a helper in the same line, which can be
 * withdrawn while it waits. Orientation detection runs on one extra worker with the legacy engine and
 * the osd data, shared by all (it takes ~0.1-0.4 s per page).
 */
export class TesseractWorkerPool {
  readonly size: number;
  private readonly languages: string;
  private readonly pageTimeoutMs: number;
  private readonly parameters: Record<string, string>;
  private readonly idle: Slot[] = [];
  private readonly waiters: ((slot: Slot) => void)[] = [];
  private readonly all = new Set<Slot>();
  private starting = 0;
  private closed = false;
  private osd: Promise<Worker> | undefined;
  private osdChain: Promise<unknown> = Promise.resolve();

  constructor(options: TesseractPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.languages = options.languages ?? 'deu+eng';
    this.pageTimeoutMs = options.pageTimeoutMs ?? 60_000;
    this.parameters = { ...defaultTesseractParameters, ...options.parameters };
  }

  /** The options handed to tesseract.js: local paths only (checked by a test: no CDN). */
  workerOptions(): Record<string, unknown> {
    return { ...localTesseractOptions(), errorHandler: () => undefined };
  }

  /** Starts every worker now instead of on first use (for a warm benchmark or service start). */
  async warmUp(): Promise<void> {
    const failure = (await this.startIdleSlots()).find((result) => result.status === 'rejected');
    if (failure) {
      throw failure.reason;
    }
  }

  async withWorker<T>(work: (worker: LentWorker) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    const lent = this.lend(slot);
    try {
      return await work(lent.worker);
    } finally {
      lent.giveBack();
    }
  }

  /**
   * Lends a worker to `work` as soon as one is free: an idle one at once, else the next one given
   * back, in the same line as withWorker. For the rest of a page's stripes: a worker freed by
   * another page reads them while the page's own worker is still busy; the request is withdrawn
   * (cancel) once every stripe has been taken, so no worker is held for nothing.
   */
  lendWhenFree<T>(work: (worker: LentWorker) => Promise<T>): HelperRequest<T> {
    let settle!: (value: T | undefined | PromiseLike<T | undefined>) => void;
    const result = new Promise<T | undefined>((resolve) => (settle = resolve));
    const waiter = (slot: Slot) => {
      if (this.closed) {
        settle(undefined); // close() hands waiters a dead slot
        return;
      }
      const lent = this.lend(slot);
      settle(work(lent.worker).finally(lent.giveBack));
    };
    const idle = this.closed ? undefined : this.idle.shift();
    if (idle) {
      waiter(idle);
    } else if (this.closed) {
      settle(undefined);
    } else {
      this.waiters.push(waiter);
    }
    return {
      result,
      cancel: () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) {
          this.waiters.splice(index, 1);
          settle(undefined);
        }
      },
    };
  }

  /** Detects a page turned by 90, 180 or 270 degrees (tesseract OSD on a small copy of the page). */
  detectOrientation(png: Buffer): Promise<OrientationResult> {
    const run = async (): Promise<OrientationResult> => {
      this.osd ??= createWorker('osd', OEM.TESSERACT_ONLY, {
        ...this.workerOptions(),
        legacyCore: true,
        legacyLang: true,
      });
      const worker = await this.osd;
      const { data } = await worker.detect(png);
      const degrees = data.orientation_degrees;
      return {
        degrees: degrees === 90 || degrees === 180 || degrees === 270 ? degrees : 0,
        confidence: data.orientation_confidence ?? 0,
      };
    };
    const result = this.osdChain.then(run, run);
    this.osdChain = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) {
      // Waiters get a dead slot whose use fails with OCR_CLOSED.
      waiter({ worker: undefined as unknown as Worker, threshold: 'global' });
    }
    const workers = [...this.all].map((slot) => slot.worker.terminate());
    this.all.clear();
    this.idle.length = 0;
    const osd = this.osd;
    this.osd = undefined;
    await Promise.allSettled([...workers, osd?.then((worker) => worker.terminate())]);
  }

  /** A worker for one caller; giveBack returns it, or replaces it when one of its pages failed. */
  private lend(slot: Slot): { worker: LentWorker; giveBack: () => void } {
    let failed = false;
    return {
      worker: {
        recognize: async (image, options, onProgress) => {
          slot.onProgress = onProgress;
          try {
            return await this.recognizeWithTimeout(slot, image, options);
          } catch (error) {
            failed = true;
            throw error;
          } finally {
            slot.onProgress = undefined;
          }
        },
      },
      giveBack: () => (failed ? this.discard(slot) : this.release(slot)),
    };
  }

  private async acquire(): Promise<Slot> {
    if (this.closed) {
      throw new OcrError('OCR_CLOSED', 'The OCR pool is closed.');
    }
    const idle = this.idle.shift();
    if (idle) {
      return idle;
    }
    if (this.all.size + this.starting < this.size) {
      // First use: the other workers start in the background, so that the next pages (or the
      // stripes of this one) find them ready instead of waiting ~0.5 s each for the language data.
      const slot = this.startSlot();
      void this.startIdleSlots();
      return slot;
    }
    const slot = await new Promise<Slot>((resolve) => this.waiters.push(resolve));
    if (this.closed) {
      throw new OcrError('OCR_CLOSED', 'The OCR pool is closed.');
    }
    return slot;
  }

  private async startSlot(): Promise<Slot> {
    this.starting += 1;
    try {
      const slot: Slot = { worker: undefined as unknown as Worker, threshold: 'global' };
      slot.worker = await createWorker(this.languages, OEM.LSTM_ONLY, {
        ...this.workerOptions(),
        logger: (message: { status: string; progress: number }) => {
          if (message.status === 'recognizing text') {
            slot.onProgress?.(message.progress);
          }
        },
      });
      await slot.worker.setParameters(this.parameters);
      this.all.add(slot);
      return slot;
    } catch (error) {
      throw new OcrError('OCR_FAILED', `An OCR worker could not start (${String(error)}).`);
    } finally {
      this.starting -= 1;
    }
  }

  /**
   * Starts the workers the pool does not have yet; they go to callers waiting or to the idle list.
   * A worker that fails to start is tried again by the next caller that finds the pool short.
   */
  private async startIdleSlots(): Promise<PromiseSettledResult<Slot>[]> {
    const missing = this.size - this.all.size - this.starting;
    const started = await Promise.allSettled(Array.from({ length: missing }, () => this.startSlot()));
    for (const result of started) {
      if (result.status === 'fulfilled') {
        this.release(result.value);
      }
    }
    return started;
  }

  private release(slot: Slot): void {
    if (this.closed) {
      void slot.worker.terminate();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter(slot);
    } else {
      this.idle.push(slot);
    }
  }

  /** A worker that timed out or failed is ended; the next caller in line gets a fresh one. */
  private discard(slot: Slot): void {
    this.all.delete(slot);
    void slot.worker.terminate();
    const waiter = this.waiters.shift();
    if (waiter && !this.closed) {
      this.startSlot().then(waiter, () => this.waiters.unshift(waiter));
    }
  }

  private async recognizeWithTimeout(
    slot: Slot,
    image: Buffer,
    options: RecognizeOptions,
  ): Promise<RecognizeResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new OcrError('OCR_TIMEOUT', `OCR of a page took longer than ${this.pageTimeoutMs} ms.`)),
        this.pageTimeoutMs,
      );
    });
    try {
      const threshold = options.threshold ?? 'global';
      if (slot.threshold !== threshold) {
        await slot.worker.setParameters({ thresholding_method: thresholdingMethod[threshold] });
        slot.threshold = threshold;
      }
      const recognition = slot.worker.recognize(
        image,
        { rotateAuto: options.deskew },
        { blocks: true, text: false },
      );
      const { data } = await Promise.race([recognition, timeout]);
      return {
        blocks: (data.blocks ?? []) as unknown as TesseractBlock[],
        rotateRadians: data.rotateRadians ?? 0,
      };
    } catch (error) {
      throw error instanceof OcrError ? error : new OcrError('OCR_FAILED', `OCR failed (${String(error)}).`);
    } finally {
      clearTimeout(timer);
    }
  }
}
