import type { OcrDocument, OcrWord } from '../../src/documents/analysis/ocr-document.types';

const MM = 72 / 25.4;
export const A4_POINTS = { width: 210 * MM, height: 297 * MM };

export interface PlacedLine {
  text: string;
  /** Millimetres from the paper's left edge; 25 (body text) unless told. */
  x?: number;
  /** Millimetres from the paper's top edge. */
  y: number;
  page?: number;
  confidence?: number;
}

/**
 * An OcrDocument of an A4 letter (PDF points) from lines placed in millimetres, as OCR would return
 * it: one word per space-separated token, 10 pt text.
 */
export function letterDocument(lines: readonly PlacedLine[]): OcrDocument {
  const pageCount = Math.max(1, ...lines.map((line) => line.page ?? 1));
  const pages: OcrDocument['pages'] = [];
  for (let page = 1; page <= pageCount; page++) {
    const words: OcrWord[] = [];
    const texts: string[] = [];
    lines
      .filter((line) => (line.page ?? 1) === page)
      .forEach((line, index) => {
        texts.push(line.text);
        let x = (line.x ?? 25) * MM;
        for (const token of line.text.split(' ').filter(Boolean)) {
          const width = token.length * 5;
          words.push({
            text: token,
            box: [x, line.y * MM, width, 10],
            confidence: line.confidence ?? 0.95,
            line: index,
            block: 0,
          });
          x += width + 3;
        }
      });
    pages.push({
      page,
      width: A4_POINTS.width,
      height: A4_POINTS.height,
      words,
      text: texts.join('\n'),
      source: 'ocr',
    });
  }
  return { pages };
}

/** Body text lines starting 100 mm from the top, 5 mm apart. */
export function bodyLines(...texts: string[]): PlacedLine[] {
  return texts.map((text, index) => ({ text, y: 100 + index * 5 }));
}
