import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyLines, letterDocument } from '../../../test/support/letter-document.factory';
import { extractReferences } from './extract-references';
import { buildLetterText } from './letter-text';

function sut(...lines: string[]) {
  return extractReferences(buildLetterText(letterDocument(bodyLines(...lines))));
}

describe('extractReferences', () => {
  const cases: Array<{ line: string; field: keyof ReturnType<typeof sut>; expected: string | null }> = [
    { line: 'IBAN: DE89 3704 0044 0532 0130 00', field: 'iban', expected: 'DE89370400440532013000' },
    { line: 'IBAN DE89370400440532013000', field: 'iban', expected: 'DE89370400440532013000' },
    { line: 'IBAN: DE89 37O4 0044 O532 Ol30 00', field: 'iban', expected: 'DE89370400440532013000' },
    { line: 'IBAN: DE88 3704 0044 0532 0130 00', field: 'iban', expected: null },
    { line: 'Steuer-ID: 86 095 742 719', field: 'steuerId', expected: '86095742719' },
    { line: 'Steuerliche Identifikationsnummer 86O95742 7l9', field: 'steuerId', expected: '86095742719' },
    { line: 'Steuer-ID: 86 095 742 711', field: 'steuerId', expected: null },
    { line: 'Steuer-1D: 86 095 742 719', field: 'steuerId', expected: '86095742719' },
    { line: 'Telefon 86 095 742 719', field: 'steuerId', expected: null },
    { line: 'Kindergeldnummer: 123FK456789', field: 'kindergeldNummer', expected: '123FK456789' },
    { line: 'Kindergeld-Nr. 123 FK 456789', field: 'kindergeldNummer', expected: '123FK456789' },
    { line: 'Kindergeldnummer: l23FK4S67B9', field: 'kindergeldNummer', expected: '123FK456789' },
    { line: 'Kindergeldnummer: 123FK45678', field: 'kindergeldNummer', expected: null },
    { line: 'BG-Nummer: 12345BG1234567', field: 'bgNummer', expected: '12345BG1234567' },
    { line: 'BG-Nummer: 12345 BG 12345O7', field: 'bgNummer', expected: '12345BG1234507' },
    { line: 'Kundennummer: 123D456789', field: 'kundennummer', expected: '123D456789' },
    { line: 'Kundennummer: 123X456789', field: 'kundennummer', expected: null },
    { line: 'Aktenzeichen: WG-2026-004711', field: 'aktenzeichen', expected: 'WG-2026-004711' },
    { line: 'Az.: 51-UV-20413', field: 'aktenzeichen', expected: '51-UV-20413' },
    { line: 'Geschäftszeichen EG 1234/26', field: 'aktenzeichen', expected: 'EG 1234/26' },
    { line: 'Aktenzeichen: bitte immer angeben', field: 'aktenzeichen', expected: null },
  ];
  for (const { line, field, expected } of cases) {
    it(`${field} in "${line}" -> ${expected ?? 'none'}`, () => {
      assert.equal(sut(line)[field]?.value ?? null, expected);
    });
  }

  it('reads a reference split over the label line and the next line', () => {
    assert.equal(sut('Aktenzeichen:', 'WG-2026-004711').aktenzeichen?.value, 'WG-2026-004711');
  });
});
