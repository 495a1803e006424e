// Contract between OCR (src/documents/ocr) and letter analysis (src/documents/analysis).
// Digital PDFs with a text layer produce the same shape with confidence 1.
// Coordinates are in the page's own units (pixels for images, PDF points for
// text layers), origin top-left, y growing downwards; width/height use the same unit.

/** One recognised word with its bounding box in page units. */
export interface OcrWord {
  text: string;
  box: [x: number, y: number, w: number, h: number];
  /** 0..1 */
  confidence: number;
  /** Line index on the page (0-based, reading order). */
  line: number;
  /** Block / paragraph index on the page (0-based, reading order). */
  block: number;
}

export interface OcrPage {
  /** 1-based */
  page: number;
  width: number;
  height: number;
  words: OcrWord[];
  /** Lines joined with \n. */
  text: string;
  source: 'text-layer' | 'ocr';
}

export interface OcrDocument {
  pages: OcrPage[];
}
