import type { PageImage } from '../intake/page-source.types';
import { OcrError } from './ocr.errors';
import type { OcrJob, OcrPageResult, OcrProgressListener, OcrQueue } from './ocr-queue.types';
import {
  defaultPreprocessOptions,
  orientationSample,
  preprocessPage,
  rotatePage,
  type PreprocessOptions,
} from './preprocess-page.util';
import { tesseractBlocksToOcrPage } from './tesseract-result.util';
import { TesseractWorkerPool, type TesseractPoolOptions } from './tesseract-worker-pool';

export interface InProcessOcrQueueOptions extends TesseractPoolOptions {
  /** Pages that may wait for a worker; beyond that enqueue refuses with OCR_BUSY (default 100). */
  maxWaitingPages?: number;
  /** OSD confidence below which a detected rotation is not trusted (default 1.5). */
  minOrientationConfidence?: number;
  preprocess?: PreprocessOptions;
}

/**
 * OCR in this process on a TesseractWorkerPool. Pages of all jobs wait in one first-come line; each
 * page is preprocessed (sharp), turned upright (OSD), and read with deskew, holding one worker.
 */
export class InProcessOcrQueue implements OcrQueue {
  readonly pool: TesseractWorkerPool;
  private readonly maxWaitingPages: number;
  private readonly minOrientationConfidence: number;
  private readonly preprocess: PreprocessOptions;
  private waitingPages = 0;
  private runningPages = 0;

  constructor(options: InProcessOcrQueueOptions = {}) {
    this.pool = new TesseractWorkerPool(options);
    this.maxWaitingPages = options.maxWaitingPages ?? 100;
    this.minOrientationConfidence = options.minOrientationConfidence ?? 1.5;
    this.preprocess = options.preprocess ?? defaultPreprocessOptions;
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
    worker: Parameters<Parameters<TesseractWorkerPool['withWorker']>[0]>[0],
  ): Promise<OcrPageResult> {
    const started = Date.now();
    let page = await preprocessPage(image, this.preprocess);
    let rotatedDegrees = 0;
    if (job.detectOrientation ?? true) {
      const orientation = await this.pool
        .detectOrientation(await orientationSample(page.png))
        .catch(() => undefined);
      if (
        orientation &&
        orientation.degrees !== 0 &&
        orientation.confidence >= this.minOrientationConfidence
      ) {
        rotatedDegrees = orientation.degrees;
        page = { ...page, ...(await rotatePage(page.png, orientation.degrees)) };
      }
    }
    const recognized = await worker.recognize(page.png, { deskew: job.deskew ?? true }, onFraction);
    return {
      page: tesseractBlocksToOcrPage(recognized.blocks, {
        page: image.page,
        width: page.width,
        height: page.height,
      }),
      rotatedDegrees,
      skewRadians: recognized.rotateRadians,
      scale: page.scale,
      milliseconds: Date.now() - started,
    };
  }
}
