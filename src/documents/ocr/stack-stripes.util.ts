import type { OcrPage } from '../analysis/ocr-document.types';
import { tesseractBlocksToOcrPage, type TesseractBlock } from './tesseract-result.util';
import { toOriginalBox } from './to-original-box.util';

/** tesseract's reading of the rows [top, top + height) of a page. */
export interface StripeReading {
  top: number;
  height: number;
  blocks: readonly TesseractBlock[] | null | undefined;
  /** The skew tesseract corrected in this stripe (radians). */
  rotateRadians: number;
}

/**
 * One OcrPage from the readings of a page's horizontal stripes, top to bottom: boxes in the
 * coordinates of the whole page before any deskew (each stripe may have been deskewed by its own
 * small angle, which is undone here), lines and blocks numbered on in reading order.
 */
export function stackStripes(
  stripes: readonly StripeReading[],
  size: { page: number; width: number; height: number },
): OcrPage {
  const words: OcrPage['words'] = [];
  const texts: string[] = [];
  let lines = 0;
  let blocks = 0;
  for (const stripe of stripes) {
    const stripeSize = { page: size.page, width: size.width, height: stripe.height };
    const reading = tesseractBlocksToOcrPage(stripe.blocks, stripeSize);
    const unskew = {
      ...stripeSize,
      transform: {
        originalWidth: size.width,
        originalHeight: stripe.height,
        scale: 1,
        rotatedDegrees: 0,
        skewRadians: stripe.rotateRadians,
      },
    };
    for (const word of reading.words) {
      const [x, y, w, h] = stripe.rotateRadians === 0 ? word.box : toOriginalBox(unskew, word.box);
      words.push({
        ...word,
        box: [x, y + stripe.top, w, h],
        line: word.line + lines,
        block: word.block + blocks,
      });
    }
    if (reading.words.length > 0) {
      texts.push(reading.text);
      lines = Math.max(...reading.words.map((word) => word.line)) + 1 + lines;
      blocks = Math.max(...reading.words.map((word) => word.block)) + 1 + blocks;
    }
  }
  return { ...size, words, text: texts.join('\n'), source: 'ocr' };
}
