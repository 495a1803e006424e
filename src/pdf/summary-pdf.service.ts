import { PDFDocument, PDFPage, rgb } from '@cantoo/pdf-lib';
import { Injectable } from '@nestjs/common';
import type { AnswerSummary } from './fill-plan';
import { a4, RowsPageWriter } from './rows-page-writer.util';
import { embedUnicodeFont } from './unicode-font.util';
import { wrapText } from './wrap-text.util';

/** Printed at the top of every page of a summary, so nobody mistakes it for the official form. */
export const summaryMarker = {
  de: 'Keine amtliche Fassung – Zusammenfassung Ihrer Angaben. Bitte das amtliche Formular verwenden.',
  en: 'Not the official form – a summary of your answers. Please use the official form.',
} as const;

const markerRed = rgb(0.7, 0.05, 0.05);

/**
 * Makes a readable A4 copy of the answers in the official form's section order, for forms whose
 * official template is not installed. It is not a substitute for the form, and every page says so.
 */
@Injectable()
export class SummaryPdfService {
  async render(summary: AnswerSummary): Promise<Uint8Array> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(`${summary.formTitle} – Zusammenfassung`);
    doc.setLanguage('de-DE');
    const font = await embedUnicodeFont(doc);

    // A red frame with the marker in German and English at the top of every page (wrapped once:
    // measuring text with fontkit is the main cost of this PDF).
    const margin = 56;
    const width = a4.width - 2 * margin;
    const lines = [
      ...wrapText(summaryMarker.de, font, 10, width).map((text) => ({ text, size: 10 })),
      ...wrapText(summaryMarker.en, font, 8, width).map((text) => ({ text, size: 8 })),
    ];
    const height = lines.reduce((sum, line) => sum + line.size * 1.35, 0) + 8;
    const drawMarker = (page: PDFPage, top: number): number => {
      page.drawRectangle({
        x: margin - 6,
        y: top - height,
        width: width + 12,
        height,
        borderColor: markerRed,
        borderWidth: 1,
      });
      let y = top - 4;
      for (const { text, size } of lines) {
        y -= size * 1.35;
        page.drawText(text, { x: margin, y: y + 2, size, font, color: markerRed });
      }
      return height + 12;
    };
    const writer = new RowsPageWriter(doc, font, {
      header: drawMarker,
      footer: (page, count) => `${summary.formTitle} – Seite ${page} von ${count} / page ${page} of ${count}`,
    });

    writer.heading(summary.formTitle, 16);
    writer.paragraph(`${summary.issuer} · Stand ${summary.edition}`, 10, rgb(0.35, 0.35, 0.35));
    for (const section of summary.sections) {
      writer.sectionTitle(section.title);
      if (section.rows.length === 0) {
        writer.paragraph('Keine Angaben.', 10, rgb(0.35, 0.35, 0.35));
      }
      for (const { label, value } of section.rows) {
        writer.row(label, value);
      }
    }
    writer.finish();
    return doc.save({ useObjectStreams: true });
  }
}
