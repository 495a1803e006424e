import sharp from 'sharp';
import type { OcrPage } from '../analysis/ocr-document.types';
import type { PageImage } from '../intake/page-source.types';
import { OcrError } from './ocr.errors';
import type { OcrJob, OcrPageResult, OcrProgressListener, OcrQueue } from './ocr-queue.types';
import {
  defaultPreprocessOptions,
  orientationSample,
  preprocessPage,
  rotatePage,
  toPgm,
  type GreyPage,
  type PreprocessOptions,
} from './preprocess-page.util';
import { readStripes, splitRows, type StripeReading } from './read-stripes.util';
import { stackStripes } from './stack-stripes.util';
import { tesseractBlocksToOcrPage } from './tesseract-result.util';
import {
  TesseractWorkerPool,
  type LentWorker,
  type RecognizeOptions,
  type TesseractPoolOptions,
} from './tesseract-worker-pool';

export interface InProcessOcrQueueOptions extends TesseractPoolOptions {
  /** Pages that may wait for a worker; beyond that enqueue refuses with OCR_BUSY (default 100). */
  maxWaitingPages?: number;
  /** OSD confidence below which a detected rotation is not trusted (default 1.5). */
  minOrientationConfidence?: number;
  /**
   * Mean word confidence (0..1) below which a page is checked for a quarter turn (default 0.6).
   * Upright letters read at 0.85-0.95; a page read sideways at 0.2-0.5.
   */
  orientationCheckBelow?: number;
  /**
   * Threads of sharp's (libvips) pool for the whole process (default 1). Each OCR worker is one
   * thread; more sharp threads would take the cores the pool counts on.
   */
  sharpThreads?: number;
  /**
   * Most stripes a page is cut into when no other page waits, read by its own worker and the others
   * as they are or come free (default: the pool size, at most 2; 1 = always read pages whole).
   * tesseract.js reads on one core; a family waiting for one letter would otherwise leave the other
   * cores unused, and the last page of a burst would keep one core busy while the other idles.
   * Cuts are made only through blank bands across the page, never through text (findSplitRows).
   */
  stripesPerPage?: number;
  preprocess?: PreprocessOptions;
}

type PageToRead = GreyPage & { stretched: boolean };

interface Reading {
  page: OcrPage;
  rotatedDegrees: number;
  /** The skew tesseract corrected (for a page read in stripes: the mean of theirs). */
  skewRadians: number;
  /** The skew the word boxes are in: 0 for stripes, whose boxes are mapped back before their deskew. */
  boxSkewRadians: number;
  stripes: number;
}

/**
 * OCR in this process on a TesseractWorkerPool. Pages of all jobs wait in one first-come line; each
 * page is preprocessed (sharp) and read with deskew, holding one worker, and cut into stripes that
 * other workers help with when no page waits (readStripes); only when that reading looks wrong is the page checked for
 * a quarter turn (OSD) and read again upright.
 */
export class InProcessOcrQueue implements OcrQueue {
  readonly pool: TesseractWorkerPool;
  private readonly maxWaitingPages: number;
  private readonly minOrientationConfidence: number;
  private readonly orientationCheckBelow: number;
  private readonly preprocess: PreprocessOptions;
  private readonly stripesPerPage: number;
  private waitingPages = 0;
  private runningPages = 0;

  constructor(options: InProcessOcrQueueOptions = {}) {
    this.pool = new TesseractWorkerPool(options);
    this.maxWaitingPages = options.maxWaitingPages ?? 100;
    this.minOrientationConfidence = options.minOrientationConfidence ?? 1.5;
    this.orientationCheckBelow = options.orientationCheckBelow ?? 0.6;
    // Process-wide setting of libvips; the OCR path is by far its biggest user.
    sharp.concurrency(options.sharpThreads ?? 1);
    this.preprocess = options.preprocess ?? defaultPreprocessOptions;
    this.stripesPerPage = Math.max(1, options.stripesPerPage ?? Math.min(this.pool.size, 2));
  }

  stats() {
    return { waitingPages: this.waitingPages, runningPages: this.runningPages, workers: this.pool.size };
  }

  enqueue(job: OcrJob, onProgress?: OcrProgressListener): Promise<OcrPageResult[]> {
    const total = job.pages.length;
    if (this.waitingPages + total > this.maxWaitingPages) {
      return Promise.reject(
        new OcrError(
          'OCR_BUSY',
          `The OCR queue is full (${this.waitingPages} pages waiting, limit ${this.maxWaitingPages}).`,
        ),
      );
    }
    this.waitingPages += total;
    const fractions = new Array<number>(total).fill(0);
    let done = 0;
    const report = (stage: 'queued' | 'reading' | 'page-done', page?: number) =>
      onProgress?.({
        stage,
        page,
        pagesDone: done,
        pagesTotal: total,
        fraction: total === 0 ? 1 : fractions.reduce((sum, value) => sum + value, 0) / total,
      });
    report('queued');
    return Promise.all(
      job.pages.map(async (image, index) => {
        let started = false;
        try {
          return await this.pool.withWorker(async (worker) => {
            started = true;
            this.waitingPages -= 1;
            this.runningPages += 1;
            try {
              report('reading', image.page);
              const onFraction = (fraction: number) => {
                fractions[index] = fraction;
                report('reading', image.page);
              };
              const result = await this.readPage(image, job, onFraction, worker);
              fractions[index] = 1;
              done += 1;
              report('page-done', image.page);
              return result;
            } finally {
              this.runningPages -= 1;
            }
          });
        } finally {
          // A page that never got a worker (pool closed, worker failed to start) leaves the line too.
          if (!started) {
            this.waitingPages -= 1;
          }
        }
      }),
    );
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async readPage(
    image: PageImage,
    job: OcrJob,
    onFraction: (fraction: number) => void,
    worker: LentWorker,
  ): Promise<OcrPageResult> {
    const started = Date.now();
    const page = await preprocessPage(image, this.preprocess);
    const deskew = job.deskew ?? true;
    let reading = await this.recognizeAs(image.page, page, 0, deskew, worker, onFraction);
    // Orientation detection only when the upright reading looks wrong: EXIF already turned phone
    // photos, and OSD on every page would cost ~0.4 s CPU for the rare page scanned sideways.
    if ((job.detectOrientation ?? true) && readingLooksWrong(reading.page, this.orientationCheckBelow)) {
      const orientation = await this.pool
        .detectOrientation(await orientationSample(page))
        .catch(() => undefined);
      if (
        orientation &&
        orientation.degrees !== 0 &&
        orientation.confidence >= this.minOrientationConfidence
      ) {
        const turned = { ...page, ...(await rotatePage(page, orientation.degrees)) };
        const second = await this.recognizeAs(
          image.page,
          turned,
          orientation.degrees,
          deskew,
          worker,
          onFraction,
        );
        // A sideways page can read with good confidence as vertical text: prefer the turned reading
        // unless it looks wrong too.
        if (
          !readingLooksWrong(second.page, this.orientationCheckBelow) ||
          meanConfidence(second.page) > meanConfidence(reading.page)
        ) {
          reading = second;
        }
      }
    }
    return {
      page: {
        ...reading.page,
        transform: {
          originalWidth: image.width,
          originalHeight: image.height,
          scale: page.scale,
          rotatedDegrees: reading.rotatedDegrees,
          skewRadians: reading.boxSkewRadians,
          ...(image.pixelsPerPoint ? { pixelsPerPoint: image.pixelsPerPoint } : {}),
        },
      },
      rotatedDegrees: reading.rotatedDegrees,
      skewRadians: reading.skewRadians,
      scale: page.scale,
      stripes: reading.stripes,
      milliseconds: Date.now() - started,
    };
  }

  /** The stripes of a page read at once, or undefined: read whole (pages are waiting, or no cut). */
  private async readInStripes(
    page: PageToRead,
    worker: LentWorker,
    options: RecognizeOptions,
    onFraction: (fraction: number) => void,
  ): Promise<StripeReading[] | undefined> {
    // While pages wait in line every worker has a page of its own: a whole page costs less.
    if (this.stripesPerPage < 2 || this.pool.size < 2 || this.waitingPages > 0) {
      return undefined;
    }
    const rows = splitRows(page, this.stripesPerPage);
    return rows.length === 0
      ? undefined
      : readStripes(this.pool, page, [0, ...rows, page.height], worker, options, onFraction);
  }

  private async recognizeAs(
    pageNumber: number,
    page: PageToRead,
    rotatedDegrees: number,
    deskew: boolean,
    worker: LentWorker,
    onFraction: (fraction: number) => void,
  ): Promise<Reading> {
    // A stretched page is a photo or a grey scan: uneven light needs a local threshold.
    const options = { deskew, threshold: page.stretched ? ('local' as const) : ('global' as const) };
    const size = { page: pageNumber, width: page.width, height: page.height };
    const striped = await this.readInStripes(page, worker, options, onFraction);
    if (striped) {
      // The stripes' boxes are mapped back before their own small deskew: the page has none.
      return {
        page: stackStripes(striped, size),
        rotatedDegrees,
        skewRadians: striped.reduce((sum, stripe) => sum + stripe.rotateRadians, 0) / striped.length,
        boxSkewRadians: 0,
        stripes: striped.length,
      };
    }
    const recognized = await worker.recognize(toPgm(page), options, onFraction);
    return {
      page: tesseractBlocksToOcrPage(recognized.blocks, size),
      rotatedDegrees,
      skewRadians: recognized.rotateRadians,
      boxSkewRadians: recognized.rotateRadians,
      stripes: 1,
    };
  }
}

/**
 * Too few words, words read with low confidence (a page upside down), or most longer words taller
 * than wide: tesseract reads a page lying on its side as vertical text, often with good
 * confidence, but then the layout (address field, reading order) is wrong.
 */
function readingLooksWrong(page: OcrPage, below: number): boolean {
  if (page.words.length < 3 || meanConfidence(page) < below) {
    return true;
  }
  const longWords = page.words.filter((word) => word.text.length >= 4);
  const upright = longWords.filter(({ box: [, , width, height] }) => height > width).length;
  return upright * 2 > longWords.length;
}

function meanConfidence(page: OcrPage): number {
  if (page.words.length === 0) {
    return 0;
  }
  return page.words.reduce((sum, word) => sum + word.confidence, 0) / page.words.length;
}
