import { PDFDocument, PDFFont, rgb } from '@cantoo/pdf-lib';
import { embedUnicodeFont } from '../../src/pdf/unicode-font.util';
import type { LetterSpec } from './letter-spec.types';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };

// DIN 5008 positions in millimetres from the paper's top-left corner.
const LAYOUT = {
  A: { addressTop: 27, infoTop: 32, subjectTop: 98 },
  B: { addressTop: 45, infoTop: 50, subjectTop: 105 },
} as const;
const LEFT = 25;
const INFO_LEFT = 125;
const BODY_WIDTH = 165;
const BOTTOM = 270;

/** Renders a letter as a digital PDF with a text layer (DejaVu Sans, so ş ć ı print correctly). */
export async function renderLetterPdf(spec: LetterSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // Fixed dates keep the bytes deterministic for one seed.
  doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
  doc.setProducer('Antragslotse test corpus');
  const font = await embedUnicodeFont(doc);
  let page = doc.addPage([A4.width, A4.height]);
  const write = (text: string, xMm: number, topMm: number, size: number): void => {
    // pdf-lib places the baseline; the top of capitals sits about 0.75 em above it.
    page.drawText(text, {
      x: xMm * MM,
      y: A4.height - topMm * MM - size * 0.75,
      size,
      font,
      color: rgb(0, 0, 0),
    });
  };
  const layout = LAYOUT[spec.form];

  spec.letterhead.forEach((line, index) => write(line, LEFT, 10 + index * 6, index === 0 ? 14 : 9));
  write(spec.returnLine, LEFT, layout.addressTop + 3, 7);
  spec.recipientLines.forEach((line, index) => write(line, LEFT, layout.addressTop + 17.7 + index * 4.6, 10));
  spec.info.forEach((line, index) => write(line, INFO_LEFT, layout.infoTop + index * 4.6, 9));
  if (spec.dateLine) {
    write(spec.dateLine, INFO_LEFT, layout.subjectTop - 10, 10);
  }
  let top: number = layout.subjectTop;
  for (const line of spec.subject) {
    write(line, LEFT, top, 12);
    top += 6;
  }
  top += 6;
  for (const paragraph of spec.paragraphs) {
    const lines =
      typeof paragraph === 'string'
        ? wrap(paragraph, font, 10.5, BODY_WIDTH).map((text) => ({ text, indent: 0 }))
        : paragraph.bullets.map((text) => ({ text: `•  ${text}`, indent: 5 }));
    for (const line of lines) {
      if (top > BOTTOM) {
        page = doc.addPage([A4.width, A4.height]);
        top = 20;
      }
      write(line.text, LEFT + line.indent, top, 10.5);
      top += 5;
    }
    top += 3;
  }
  return doc.save({ useObjectStreams: false });
}

function wrap(text: string, font: PDFFont, size: number, widthMm: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > widthMm * MM && current) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) {
    lines.push(current);
  }
  return lines;
}
