import type { OcrPage } from '../analysis/ocr-document.types';

/** One page as a grayscale PNG, ready for OCR preprocessing. */
export interface PageImage {
  /** 1-based */
  page: number;
  png: Buffer;
  width: number;
  height: number;
  /** Resolution when known (scanner metadata, or the PDF render resolution). */
  dpi?: number;
  /**
   * Pages of a PDF rendered for OCR: pixels of this image per PDF point (the exact render scale,
   * dpi / 72 before rounding). Lets boxes found on the image be stored in PDF points.
   */
  pixelsPerPoint?: number;
}

/** A page read directly from a PDF text layer, or an image that still needs OCR. */
export type PageSource = { kind: 'text'; page: OcrPage } | { kind: 'image'; image: PageImage };
