import type { OcrPage, OcrWord } from '../analysis/ocr-document.types';

/** The parts of tesseract.js's `blocks` output that we read. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface TesseractBlock {
  paragraphs: { lines: { words: { text: string; confidence: number; bbox: Box }[] }[] }[];
}

/** Turns tesseract's block tree into an OcrPage: confidence 0..1, boxes [x, y, w, h] in image pixels. */
export function tesseractBlocksToOcrPage(
  blocks: readonly TesseractBlock[] | null | undefined,
  size: { page: number; width: number; height: number },
): OcrPage {
  const words: OcrWord[] = [];
  const lines: string[] = [];
  let block = 0;
  for (const tesseractBlock of blocks ?? []) {
    for (const paragraph of tesseractBlock.paragraphs) {
      let paragraphHasWords = false;
      for (const line of paragraph.lines) {
        const lineWords = line.words.filter((word) => word.text.trim() !== '');
        if (lineWords.length === 0) {
          continue;
        }
        paragraphHasWords = true;
        for (const word of lineWords) {
          words.push({
            text: word.text.trim(),
            box: [word.bbox.x0, word.bbox.y0, word.bbox.x1 - word.bbox.x0, word.bbox.y1 - word.bbox.y0],
            confidence: Math.max(0, Math.min(1, word.confidence / 100)),
            line: lines.length,
            block,
          });
        }
        lines.push(lineWords.map((word) => word.text.trim()).join(' '));
      }
      if (paragraphHasWords) {
        block += 1;
      }
    }
  }
  return { ...size, words, text: lines.join('\n'), source: 'ocr' };
}
