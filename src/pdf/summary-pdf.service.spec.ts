import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readWithPdfJs, PdfJsReading } from '../../test/pdf/pdfjs-read.util';
import type { AnswerSummary } from './fill-plan';
import { summaryMarker, SummaryPdfService } from './summary-pdf.service';

const summary: AnswerSummary = {
  formId: 'kiz1',
  formTitle: 'KiZ 1 Antrag auf Kinderzuschlag',
  issuer: 'Familienkasse der Bundesagentur für Arbeit',
  edition: '01/2025',
  sections: [
    {
      title: 'Angaben zur antragstellenden Person',
      rows: [
        { label: 'Familienname', value: 'Kovalenko' },
        { label: 'Vorname', value: 'Olena' },
        { label: 'Anschrift', value: 'Große Hamburger Straße 117a, 10115 Berlin' },
      ],
    },
    {
      title: 'Kinder',
      // Enough rows for more than one page.
      rows: Array.from({ length: 60 }, (_, index) => ({
        label: `Kind ${index + 1}: Vorname, Familienname`,
        value: index % 2 === 0 ? 'Ayşe Yılmaz' : 'Dragana Petrović',
      })),
    },
  ],
};

describe('SummaryPdfService', () => {
  const sut = new SummaryPdfService();
  let reading: PdfJsReading;

  before(async () => {
    reading = await readWithPdfJs(await sut.render(summary));
  });

  it('marks every page as not the official form, in German and English', () => {
    assert.ok(reading.pageCount >= 2);
    // The marker may wrap, so whitespace is ignored.
    const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
    for (const text of reading.pageTexts) {
      assert.ok(withoutSpaces(text).includes(withoutSpaces(summaryMarker.de)), text.slice(0, 160));
      assert.ok(withoutSpaces(text).includes(withoutSpaces(summaryMarker.en)));
    }
  });

  it('shows title, issuer, edition, sections in order and extractable Unicode values', () => {
    const first = reading.pageTexts[0];
    assert.ok(first.includes('KiZ 1 Antrag auf Kinderzuschlag'));
    assert.ok(first.includes('Familienkasse der Bundesagentur für Arbeit'));
    assert.ok(first.includes('01/2025'));
    assert.ok(first.indexOf('Angaben zur antragstellenden Person') < first.indexOf('Kind 1: Vorname'));
    assert.ok(first.includes('Kovalenko') && first.includes('Große Hamburger Straße 117a'));
    const all = reading.pageTexts.join(' ');
    assert.ok(all.includes('Kind 60: Vorname, Familienname'));
    assert.ok(all.includes('Ayşe Yılmaz') && all.includes('Dragana Petrović'));
  });

  it('numbers the pages', () => {
    reading.pageTexts.forEach((text, index) => {
      assert.ok(text.includes(`Seite ${index + 1} von ${reading.pageCount}`), `page ${index + 1}`);
    });
  });

  it('has no form fields', () => {
    assert.equal(reading.fields, null);
  });
});
