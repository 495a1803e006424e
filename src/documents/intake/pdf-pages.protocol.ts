import type { OcrPage } from '../analysis/ocr-document.types';
import type { DocumentIntakeErrorCode } from './document-intake.errors';
import type { IntakeLimits } from './intake-limits';

// Messages between pdf-pages.util.ts and the worker thread in pdf-pages.worker.ts.

export interface PdfPagesRequest {
  bytes: Uint8Array;
  limits: IntakeLimits;
  /** Pages with fewer visible characters in their text layer are rendered for OCR. */
  minTextCharacters: number;
  /** Open and check (password, page count, page sizes) without reading or rendering any page. */
  checkOnly?: boolean;
}

export type PdfPagesMessage =
  | { type: 'opened'; pages: number }
  | { type: 'text'; page: OcrPage }
  | {
      type: 'image';
      page: number;
      rgba: Uint8Array;
      width: number;
      height: number;
      dpi: number;
      /** Exact render scale: pixels per PDF point. */
      pixelsPerPoint: number;
    }
  | { type: 'done' }
  | { type: 'error'; code: DocumentIntakeErrorCode; message: string; limit?: number; actual?: number };
