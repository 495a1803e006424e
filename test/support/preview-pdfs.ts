import { PDFDocument, rgb } from '@cantoo/pdf-lib';

/** A PDF of `pages` empty A4 pages. */
export async function blankPdf(pages = 1): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) {
    document.addPage([595.28, 841.89]);
  }
  return document.save();
}

/** One A4 page of 1,500 curves: pdf.js needs about a second of CPU to draw it (2-core machine). */
export async function heavyPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  for (let i = 0; i < 1500; i++) {
    page.drawSvgPath(`M ${i % 500} ${(i * 7) % 800} C 10 10, 40 10, 50 ${i % 60} S 80 90, 95 ${i % 30}`, {
      x: 20,
      y: 820,
      borderColor: rgb((i % 7) / 7, 0.2, 0.5),
      borderWidth: 0.5,
    });
  }
  return document.save();
}

/** Not a PDF at all, but with the PDF header and end marker. */
export const brokenPdf = (): Uint8Array => Buffer.from('%PDF-1.7\nnothing here\n%%EOF\n', 'latin1');
