import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyLines, letterDocument } from '../../../test/support/letter-document.factory';
import { extractRequestedDocuments } from './extract-requested-documents';
import { buildLetterText } from './letter-text';

describe('extractRequestedDocuments', () => {
  const cases: Array<{ lines: string[]; expected: string[] }> = [
    {
      lines: [
        'Bitte senden Sie uns bis zum 15.12.2026 folgende Unterlagen:',
        '• Schulbescheinigung für 2026/27',
        '• Anlage Kind',
        '• Nachweis über den Wohnsitz',
        'Mit freundlichen Grüßen',
      ],
      expected: ['Schulbescheinigung', 'Anlage Kind', 'Nachweis über den Wohnsitz'],
    },
    {
      lines: ['Bitte senden Sie uns die Schulbescheinigung und die Anlage Kind bis zum 15.12.2026 zu.'],
      expected: ['Schulbescheinigung', 'Anlage Kind'],
    },
    {
      lines: [
        'Bitte reichen Sie folgende Unterlagen ein:',
        '- Kontoauszüge der letzten drei Monate',
        '- Mietvertrag',
        '- Lohnabrechnungen ab Januar',
      ],
      expected: ['Kontoauszüge', 'Mietvertrag', 'Einkommensnachweise'],
    },
    {
      // What OCR makes of bullets, and an umlaut lost.
      lines: [
        'Wir benötigen noch folgende Unterlagen:',
        'e Kontoauszuge',
        '1. Geburtsurkunde des Kindes',
        '2) Ihren Aufenthaltstitel',
        '+ Nachweis über den Wohnsitz des Kindes',
      ],
      expected: [
        'Kontoauszüge',
        'Geburtsurkunde',
        'Aufenthaltstitel',
        'Nachweis über den Wohnsitz des Kindes',
      ],
    },
    {
      lines: ['Bitte senden Sie uns', 'bis zum 15.12.2026 folgende Unterlagen:', '• Schulbescheinigung'],
      expected: ['Schulbescheinigung'],
    },
    { lines: ['Vielen Dank für Ihre Unterlagen.', '• Schulbescheinigung'], expected: [] },
  ];
  for (const { lines, expected } of cases) {
    it(`"${lines[0]}" -> [${expected.join(', ')}]`, () => {
      const sut = extractRequestedDocuments(buildLetterText(letterDocument(bodyLines(...lines))));
      assert.deepEqual(
        sut.map((found) => found.value),
        expected,
      );
    });
  }
});
