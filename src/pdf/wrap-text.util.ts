import type { PDFFont } from '@cantoo/pdf-lib';

/**
 * Breaks text into lines no wider than `maxWidth` at `fontSize`: at line breaks in the text, at
 * spaces, and inside words that are wider than a whole line (long e-mail addresses, IBANs).
 */
export function wrapText(text: string, font: PDFFont, fontSize: number, maxWidth: number): string[] {
  const widthOf = (value: string): number => font.widthOfTextAtSize(value, fontSize);
  // pdf-lib's width is the sum of the glyphs' advance widths (no kerning), and no substitution
  // crosses a space, so a line's width is the sum of its words and spaces: each word is measured
  // once instead of the whole line again per word (fontkit's layout is the summary PDF's main cost).
  const spaceWidth = widthOf(' ');
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t]+/).filter((part) => part.length > 0)) {
      const wordWidth = widthOf(word);
      const candidateWidth = line === '' ? wordWidth : lineWidth + spaceWidth + wordWidth;
      if (candidateWidth <= maxWidth) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidateWidth;
        continue;
      }
      if (line !== '') {
        lines.push(line);
      }
      line = '';
      // A word wider than the line is cut into pieces that fit.
      let rest = word;
      while (widthOf(rest) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && widthOf(rest.slice(0, cut)) > maxWidth) {
          cut--;
        }
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = widthOf(rest);
    }
    lines.push(line);
  }
  return lines;
}
