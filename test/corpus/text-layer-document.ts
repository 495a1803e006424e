import type { OcrDocument, OcrWord } from '../../src/documents/analysis/ocr-document.types';
import { openWithPdfJs } from '../../src/pdf/load-pdfjs.util';

/**
 * Perfect OCR: the text layer of a digital PDF as an OcrDocument (PDF points, origin top-left,
 * confidence 1). Each text run of our generated letters is one line; runs are split into words
 * with widths shared out by characters.
 */
export async function textLayerDocument(bytes: Uint8Array): Promise<OcrDocument> {
  const pdf = await openWithPdfJs(bytes);
  try {
    const pages: OcrDocument['pages'] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const words: OcrWord[] = [];
      const lines: string[] = [];
      let line = -1;
      let previous: { baseline: number; right: number; height: number } | null = null;
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') {
          continue;
        }
        const [, , , fontHeight, x, baseline] = item.transform as number[];
        // pdf.js may split one printed line into several runs (at double spaces): same baseline and
        // a small gap means the same line.
        const sameLine =
          previous !== null &&
          Math.abs(previous.baseline - baseline) < 1 &&
          x - previous.right < 3 * fontHeight &&
          x >= previous.right - 1;
        if (sameLine) {
          lines[lines.length - 1] += ` ${item.str.trim()}`;
        } else {
          line++;
          lines.push(item.str.trim());
        }
        previous = { baseline, right: x + item.width, height: fontHeight };
        const top = viewport.height - baseline - fontHeight * 0.75;
        const perCharacter = item.width / item.str.length;
        for (const match of item.str.matchAll(/\S+/g)) {
          words.push({
            text: match[0],
            box: [x + perCharacter * match.index, top, perCharacter * match[0].length, fontHeight],
            confidence: 1,
            line,
            block: 0,
          });
        }
      }
      pages.push({
        page: number,
        width: viewport.width,
        height: viewport.height,
        words,
        text: lines.join('\n'),
        source: 'text-layer',
      });
    }
    return { pages };
  } finally {
    await pdf.destroy();
  }
}
