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

/**
 * How OCR got from the page image as received (EXIF orientation applied) to the image the boxes
 * refer to, in this order: scale, quarter turn, deskew. No cropping happens. toOriginalBox
 * (src/documents/ocr/to-original-box.util.ts) maps a box back onto the received image.
 */
export interface OcrPageTransform {
  /** Size of the received page image in pixels. */
  originalWidth: number;
  originalHeight: number;
  /** Resize factor applied first (2 = twice as many pixels per side). */
  scale: number;
  /** Clockwise quarter turn applied after scaling: 0, 90, 180 or 270. */
  rotatedDegrees: number;
  /** Small rotation (radians, clockwise positive) about the image centre, applied last. */
  skewRadians: number;
  /**
   * Set when the received image is a rendering of a scanned PDF page (intake): its pixels per PDF
   * point. toLetterBox (src/documents/ocr/to-letter-box.util.ts) then gives boxes in PDF points.
   * Absent for photos and for readings stored before this field existed.
   */
  pixelsPerPoint?: number;
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
  /** OCR pages only: from the received image to the box coordinates. */
  transform?: OcrPageTransform;
}

export interface OcrDocument {
  pages: OcrPage[];
}
