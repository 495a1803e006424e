import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyLines, letterDocument } from '../../../test/support/letter-document.factory';
import { extractAmounts } from './extract-amounts';
import { buildLetterText } from './letter-text';

describe('extractAmounts', () => {
  const cases: Array<[string, number[]]> = [
    ['Die Überzahlung beträgt 1.275,00 €.', [1275]],
    ['monatlich 259,00 € und insgesamt 1.036,00 EUR', [259, 1036]],
    ['Betrag: EUR 2.450,50', [2450.5]],
    ['Sie erhalten 250 Euro.', [250]],
    ['Zimmer 2.14 am 03.12.2026 um 9:30 Uhr', []],
    ['Einkommen von 12.345.678,90 €', [12345678.9]],
  ];
  for (const [line, expected] of cases) {
    it(`"${line}" -> [${expected.join(', ')}]`, () => {
      const sut = extractAmounts(buildLetterText(letterDocument(bodyLines(line))));
      assert.deepEqual(
        sut.map((found) => found.value),
        expected,
      );
    });
  }
});
