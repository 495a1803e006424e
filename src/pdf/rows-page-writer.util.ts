import { PDFDocument, PDFFont, PDFPage, rgb } from '@cantoo/pdf-lib';
import { wrapText } from './wrap-text.util';

/** A4 portrait in PDF points. */
export const a4 = { width: 595.28, height: 841.89 } as const;

const margin = 56; // 2 cm
const bodySize = 10;
const lineGap = 1.35;
const labelColumnWidth = 170;
const columnGap = 12;
const grey = rgb(0.35, 0.35, 0.35);

export interface RowsPageWriterOptions {
  /** Drawn at the top of every page (e.g. the "not the official form" marker); returns its height. */
  header?: (page: PDFPage, top: number) => number;
  /** Footer text of page n of total, e.g. "Seite 1 von 2". */
  footer: (pageNumber: number, pageCount: number) => string;
}

/**
 * Writes titles and label/value rows onto A4 pages in one Unicode font: long values wrap inside
 * their column, and a new page starts whenever the current one is full. Used for the addendum of
 * a filled form and for the answer summary.
 */
export class RowsPageWriter {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private cursor = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly options: RowsPageWriterOptions,
  ) {
    this.newPage();
  }

  /** A heading line, e.g. the form title; wraps when it is long. */
  heading(text: string, size = 14): void {
    this.gap(4);
    for (const line of wrapText(text, this.font, size, a4.width - 2 * margin)) {
      this.ensureSpace(size * lineGap);
      this.page.drawText(line, { x: margin, y: this.cursor - size, size, font: this.font });
      this.cursor -= size * lineGap;
    }
  }

  /** Plain text over the full width. */
  paragraph(text: string, size = bodySize, color = rgb(0, 0, 0)): void {
    for (const line of wrapText(text, this.font, size, a4.width - 2 * margin)) {
      this.ensureSpace(size * lineGap);
      this.page.drawText(line, { x: margin, y: this.cursor - size, size, font: this.font, color });
      this.cursor -= size * lineGap;
    }
  }

  /** A section title with a rule below; starts a new page when fewer than three rows would fit. */
  sectionTitle(text: string): void {
    const size = 12;
    this.gap(10);
    this.ensureSpace(size * lineGap + 3 * bodySize * lineGap);
    this.heading(text, size);
    this.page.drawLine({
      start: { x: margin, y: this.cursor + 2 },
      end: { x: a4.width - margin, y: this.cursor + 2 },
      thickness: 0.5,
      color: grey,
    });
    this.gap(4);
  }

  /** One label/value row; both columns wrap, and a row longer than a page continues on the next. */
  row(label: string, value: string): void {
    const lineHeight = bodySize * lineGap;
    const labelLines = wrapText(label, this.font, bodySize, labelColumnWidth);
    const valueWidth = a4.width - 2 * margin - labelColumnWidth - columnGap;
    const valueLines = wrapText(value, this.font, bodySize, valueWidth);
    const count = Math.max(labelLines.length, valueLines.length);
    // Keep short rows together on one page.
    if (count <= 5) {
      this.ensureSpace(count * lineHeight);
    }
    for (let index = 0; index < count; index++) {
      this.ensureSpace(lineHeight);
      const y = this.cursor - bodySize;
      const labelLine = labelLines[index];
      const valueLine = valueLines[index];
      if (labelLine) {
        this.page.drawText(labelLine, { x: margin, y, size: bodySize, font: this.font, color: grey });
      }
      if (valueLine) {
        this.page.drawText(valueLine, {
          x: margin + labelColumnWidth + columnGap,
          y,
          size: bodySize,
          font: this.font,
        });
      }
      this.cursor -= lineHeight;
    }
    this.gap(3);
  }

  gap(points: number): void {
    this.cursor -= points;
  }

  /** Draws the footers (they need the page count) and returns the pages written. */
  finish(): PDFPage[] {
    this.pages.forEach((page, index) => {
      const text = this.options.footer(index + 1, this.pages.length);
      const width = this.font.widthOfTextAtSize(text, 8);
      page.drawText(text, {
        x: a4.width - margin - width,
        y: margin / 2,
        size: 8,
        font: this.font,
        color: grey,
      });
    });
    return this.pages;
  }

  private ensureSpace(height: number): void {
    if (this.cursor - height < margin) {
      this.newPage();
    }
  }

  private newPage(): void {
    this.page = this.doc.addPage([a4.width, a4.height]);
    this.pages.push(this.page);
    this.cursor = a4.height - margin;
    if (this.options.header) {
      this.cursor -= this.options.header(this.page, this.cursor);
    }
  }
}
