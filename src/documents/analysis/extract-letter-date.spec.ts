import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterDocument, PlacedLine } from '../../../test/support/letter-document.factory';
import { extractLetterDate } from './extract-letter-date';
import { buildLetterText } from './letter-text';

describe('extractLetterDate', () => {
  const cases: Array<{ lines: PlacedLine[]; expected: string | null }> = [
    { lines: [{ text: 'Datum: 02.11.2026', x: 125, y: 45 }], expected: '2026-11-02' },
    { lines: [{ text: 'Essen, 02.11.2026', x: 125, y: 88 }], expected: '2026-11-02' },
    { lines: [{ text: 'Köln, den 2. November 2026', x: 125, y: 88 }], expected: '2026-11-02' },
    { lines: [{ text: '02.11.2026', x: 160, y: 88 }], expected: '2026-11-02' },
    // A date alone on a line low in the letter is not the letter date.
    { lines: [{ text: '02.11.2026', y: 250 }], expected: null },
    {
      lines: [
        { text: 'Ihr Antrag vom 01.10.2026', y: 100 },
        { text: 'Datum 02.11.2026', x: 125, y: 45 },
      ],
      expected: '2026-11-02',
    },
  ];
  for (const { lines, expected } of cases) {
    it(`${lines.map((line) => line.text).join(' / ')} -> ${expected ?? 'none'}`, () => {
      const sut = extractLetterDate(buildLetterText(letterDocument(lines)), '2026-11-30');
      assert.equal(sut?.value ?? null, expected);
    });
  }
});
