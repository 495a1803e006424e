import { PDFDocument, PDFFont, rgb } from '@cantoo/pdf-lib';
import type { AddendumSection } from './fill-plan';
import { RowsPageWriter } from './rows-page-writer.util';

/**
 * Appends A4 pages titled "Fortsetzung zu <formTitle>" with every section's rows: children beyond
 * the form's table, values that did not fit their field. Returns the number of pages added.
 */
export function appendAddendum(
  doc: PDFDocument,
  font: PDFFont,
  formTitle: string,
  sections: AddendumSection[],
): number {
  const title = `Fortsetzung zu ${formTitle}`;
  const writer = new RowsPageWriter(doc, font, {
    footer: (page, count) => `${title} – Seite ${page} von ${count}`,
  });
  writer.heading(title, 16);
  writer.paragraph(
    'Diese Seiten gehören zum Formular. Hier stehen Angaben, die im Formular keinen Platz hatten.',
  );
  writer.paragraph('Continuation sheet: details that did not fit into the form.', 9, rgb(0.35, 0.35, 0.35));
  for (const section of sections) {
    writer.sectionTitle(section.title);
    for (const { label, value } of section.rows) {
      writer.row(label, value);
    }
  }
  return writer.finish().length;
}
