import type { OcrPage } from '../analysis/ocr-document.types';
import type { PageImage } from '../intake/page-source.types';

/** The pages of one document that need OCR. */
export interface OcrJob {
  pages: PageImage[];
  /** Detect pages turned by 90/180/270 degrees (default true). */
  detectOrientation?: boolean;
  /** Correct small skew (default true). */
  deskew?: boolean;
}

export interface OcrProgress {
  stage: 'queued' | 'reading' | 'page-done';
  /** 1-based page being read or just done. */
  page?: number;
  pagesDone: number;
  pagesTotal: number;
  /** 0..1 over the whole job. */
  fraction: number;
}

export type OcrProgressListener = (progress: OcrProgress) => void;

/** What the queue found out besides the words (for logs and benchmarks; no personal data). */
export interface OcrPageResult {
  page: OcrPage;
  rotatedDegrees: number;
  /**
   * The skew tesseract corrected (radians; for a page read in stripes the mean of theirs). Which skew
   * the word boxes are in is the page's transform (0 for stripes: their boxes are mapped back).
   */
  skewRadians: number;
  scale: number;
  /** Stripes the page was cut into and read at once on idle workers (1: read whole). */
  stripes: number;
  milliseconds: number;
}

/**
 * Where OCR work waits for a worker. The in-process implementation runs it in this process; a
 * Redis/BullMQ one can run it in worker processes later: callers only see this interface.
 * enqueue rejects with OcrError OCR_BUSY when the queue is full (all pages of a job or none).
 */
export interface OcrQueue {
  enqueue(job: OcrJob, onProgress?: OcrProgressListener): Promise<OcrPageResult[]>;
  stats(): { waitingPages: number; runningPages: number; workers: number };
  close(): Promise<void>;
}
