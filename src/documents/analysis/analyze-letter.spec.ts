import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterDocument, PlacedLine } from '../../../test/support/letter-document.factory';
import { analyzeLetter } from './analyze-letter';

const MITWIRKUNG: PlacedLine[] = [
  { text: 'Familienkasse Nordrhein-Westfalen Ost', y: 10 },
  { text: 'Familienkasse NRW Ost · 45100 Essen', y: 30 },
  { text: 'Frau', y: 45 },
  { text: 'Ayşe Yılmaz', y: 49.6 },
  { text: 'Hafenstraße 12', y: 54.2 },
  { text: '45127 Essen', y: 58.8 },
  { text: 'Kindergeldnummer: 123FK456789', x: 125, y: 32 },
  { text: 'Datum: 02.11.2026', x: 125, y: 36.6 },
  { text: 'Kindergeld: Bitte um Mitwirkung', y: 98 },
  { text: 'Sehr geehrte Frau Yılmaz,', y: 110 },
  { text: 'Bitte senden Sie uns bis zum 15.12.2026 folgende Unterlagen:', y: 120, confidence: 0.81 },
  { text: '• Schulbescheinigung', x: 30, y: 125 },
  { text: '• Anlage Kind', x: 30, y: 130 },
  { text: 'Mit freundlichen Grüßen', y: 140 },
];

describe('analyzeLetter', () => {
  it('reads a Familienkasse request for documents completely, with evidence for each field', () => {
    const sut = analyzeLetter(letterDocument(MITWIRKUNG), { today: '2026-11-05' });
    assert.equal(sut.authority, 'familienkasse');
    assert.equal(sut.letterType, 'mitwirkung');
    assert.equal(sut.letterDate, '2026-11-02');
    assert.deepEqual(sut.deadline, { date: '2026-12-15', estimated: false, text: 'bis zum 15.12.2026' });
    assert.deepEqual(sut.references, {
      kindergeldNummer: '123FK456789',
      bgNummer: null,
      kundennummer: null,
      aktenzeichen: null,
      steuerId: null,
    });
    assert.deepEqual(sut.recipient, {
      name: 'Ayşe Yılmaz',
      street: 'Hafenstraße 12',
      postalCode: '45127',
      city: 'Essen',
    });
    assert.deepEqual(sut.requestedDocuments, ['Schulbescheinigung', 'Anlage Kind']);
    assert.equal(sut.iban, null);
    assert.deepEqual(sut.amounts, []);
    assert.equal(sut.validUntil, null);
    assert.equal(sut.appointment, null);
    assert.deepEqual(Object.keys(sut.evidence).sort(), [
      'deadline',
      'letterDate',
      'recipient',
      'references.kindergeldNummer',
      'requestedDocuments.0',
      'requestedDocuments.1',
    ]);
    // The deadline's words sit on the line read with confidence 0.81.
    assert.equal(sut.evidence.deadline.confidence, 0.81);
    assert.equal(sut.evidence.deadline.page, 1);
    const [x, y, w, h] = sut.evidence['references.kindergeldNummer'].box;
    assert.ok(x > 125 * (72 / 25.4) && y > 31 * (72 / 25.4) && w > 0 && h > 0);
  });

  it('returns nulls, not guesses, for an empty document', () => {
    const sut = analyzeLetter({ pages: [] }, { today: '2026-11-05' });
    assert.deepEqual(sut, {
      authority: 'other',
      letterType: 'other',
      letterDate: null,
      deadline: null,
      validUntil: null,
      appointment: null,
      references: {
        kindergeldNummer: null,
        bgNummer: null,
        kundennummer: null,
        aktenzeichen: null,
        steuerId: null,
      },
      iban: null,
      amounts: [],
      recipient: null,
      requestedDocuments: [],
      evidence: {},
    });
  });

  it('gives the same answer for the same input (pure function)', () => {
    const doc = letterDocument(MITWIRKUNG);
    assert.deepEqual(
      analyzeLetter(doc, { today: '2026-11-05' }),
      analyzeLetter(doc, { today: '2026-11-05' }),
    );
  });
});
