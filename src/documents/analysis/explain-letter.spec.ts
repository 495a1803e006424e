import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPLAIN_LOCALES, explainLetter } from './explain-letter';
import type { LetterAnalysis } from './letter-analysis.types';

const MITWIRKUNG: LetterAnalysis = {
  authority: 'familienkasse',
  letterType: 'mitwirkung',
  letterDate: '2026-11-02',
  deadline: { date: '2026-12-15', estimated: false, text: 'bis zum 15.12.2026' },
  validUntil: null,
  appointment: null,
  references: {
    kindergeldNummer: '123FK456789',
    bgNummer: null,
    kundennummer: null,
    aktenzeichen: null,
    steuerId: null,
  },
  iban: null,
  amounts: [],
  recipient: null,
  requestedDocuments: ['Schulbescheinigung', 'Anlage Kind'],
  evidence: {},
};

describe('explainLetter', () => {
  it('says in plain German who wrote, what they want, what to send, by when, and offers the Anlage Kind', () => {
    assert.equal(
      explainLetter(MITWIRKUNG, 'de'),
      'Der Brief ist von der Familienkasse. Das Amt braucht noch Unterlagen von Ihnen. Bitte schicken Sie: Schulbescheinigung, Anlage Kind. Ihre Frist: 15.12.2026. Soll ich mit Ihnen die Anlage Kind ausfüllen?',
    );
  });

  for (const locale of EXPLAIN_LOCALES) {
    it(`writes ${locale} with the deadline date and without untranslated placeholders`, () => {
      const sut = explainLetter(MITWIRKUNG, locale);
      assert.match(sut, /15\.12\.2026/);
      assert.doesNotMatch(sut, /\{\w+\}/);
      assert.ok(sut.split(/[.?!؟]\s/).length >= 4, 'several short sentences');
    });
  }

  it('marks a computed deadline as estimated and offers help against a refusal', () => {
    const sut = explainLetter(
      {
        ...MITWIRKUNG,
        authority: 'wohngeldstelle',
        letterType: 'ablehnung',
        requestedDocuments: [],
        deadline: { date: '2026-12-07', estimated: true, text: 'innerhalb eines Monats nach Bekanntgabe' },
      },
      'de',
    );
    assert.match(sut, /wahrscheinlich am 07\.12\.2026/);
    assert.match(sut, /nicht einverstanden/);
  });

  it('gives the appointment with its time', () => {
    const sut = explainLetter(
      {
        ...MITWIRKUNG,
        authority: 'jobcenter',
        letterType: 'einladung',
        requestedDocuments: [],
        appointment: '2026-12-03T09:30',
      },
      'en',
    );
    assert.match(sut, /on 03\.12\.2026 at 09:30/);
  });

  it('falls back to German for an unknown locale', () => {
    assert.equal(explainLetter(MITWIRKUNG, 'xx'), explainLetter(MITWIRKUNG, 'de'));
  });
});
