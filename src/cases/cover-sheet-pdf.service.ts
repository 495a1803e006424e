import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { Injectable } from '@nestjs/common';
import { RowsPageWriter } from '../pdf/rows-page-writer.util';
import { embedUnicodeFont } from '../pdf/unicode-font.util';

export interface CoverSheet {
  familyName: string;
  /** The filled forms, with the office each goes to (the form's `authority`). */
  forms: Array<{ title: string; authority: string }>;
  /** What to put in the envelope besides the forms ("Kopie der Geburtsurkunde von Can"). */
  attachments: string[];
  /** YYYY-MM-DD, or null when no letter named a deadline. */
  deadline: string | null;
  /** Who at the neighbourhood office helped, for questions. */
  contact: string;
}

const grey = rgb(0.35, 0.35, 0.35);

/** The page the family gets with the approved forms: sign, attach, send, by when. Plain German first. */
@Injectable()
export class CoverSheetPdfService {
  async render(sheet: CoverSheet): Promise<Uint8Array> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle('Deckblatt: So geht es weiter');
    doc.setLanguage('de-DE');
    const font = await embedUnicodeFont(doc);
    const writer = new RowsPageWriter(doc, font, {
      footer: (page, count) =>
        `Deckblatt – Seite ${page} von ${count} / cover sheet, page ${page} of ${count}`,
    });
    writer.heading('So geht es weiter mit Ihrem Antrag', 16);
    writer.paragraph('What to do next with your application', 10, grey);
    writer.paragraph(`Für: ${sheet.familyName}`, 11);

    writer.sectionTitle('1. Unterschreiben / Sign');
    writer.paragraph(
      'Lesen Sie die Formulare. Unterschreiben Sie jedes Formular dort, wo „Unterschrift“ steht.',
    );
    writer.paragraph('Read the forms. Sign each form where it says "Unterschrift".', 9, grey);
    for (const form of sheet.forms) {
      writer.row(form.title, 'unterschreiben / sign');
    }

    writer.sectionTitle('2. Beilegen / Attach');
    if (sheet.attachments.length === 0) {
      writer.paragraph('Sie müssen nichts beilegen. / Nothing to attach.');
    } else {
      writer.paragraph(
        'Legen Sie Kopien bei. Schicken Sie keine Originale. / Attach copies, never originals.',
      );
      for (const attachment of sheet.attachments) {
        writer.paragraph(`• ${attachment}`);
      }
    }

    writer.sectionTitle('3. Abschicken / Send');
    const authorities = [...new Set(sheet.forms.map((form) => form.authority))];
    writer.paragraph(
      `Schicken Sie alles an: ${authorities.join(', ')}. / Send everything to: ${authorities.join(', ')}.`,
    );
    writer.paragraph('Die Adresse steht oben auf Ihrem Brief von der Familienkasse.');
    writer.paragraph('The address is at the top of your letter from the Familienkasse.', 9, grey);
    writer.row(
      'Bis wann / By when',
      sheet.deadline
        ? `${germanDate(sheet.deadline)} – bitte rechtzeitig abschicken / please send in time`
        : 'Keine Frist bekannt. Schicken Sie es bald ab. / No deadline known; send it soon.',
    );

    writer.sectionTitle('Fragen? / Questions?');
    writer.paragraph(`Ihre Ansprechperson: ${sheet.contact}. Schreiben Sie uns auch gern im Chat.`);
    writer.finish();
    return doc.save({ useObjectStreams: true });
  }
}

function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
