import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyLines, letterDocument } from '../../../test/support/letter-document.factory';
import { extractDeadline } from './extract-deadline';
import { buildLetterText } from './letter-text';

function sut(lines: string[], letterDate: string | null = '2026-11-02', regime: 'ao' | 'sgb-x' = 'sgb-x') {
  const letter = buildLetterText(letterDocument(bodyLines(...lines)));
  return extractDeadline(letter, { letterDate, today: '2026-11-10', regime });
}

describe('extractDeadline', () => {
  const cases = [
    {
      lines: ['Bitte senden Sie uns die Unterlagen bis zum 15.12.2026 zu.'],
      date: '2026-12-15',
      estimated: false,
      text: 'bis zum 15.12.2026',
    },
    {
      lines: ['Reichen Sie die Unterlagen bitte spätestens am 01.12.2026 ein.'],
      date: '2026-12-01',
      estimated: false,
      text: 'spätestens am 01.12.2026',
    },
    {
      lines: ['Bitte antworten Sie bis 15. Dezember 2026.'],
      date: '2026-12-15',
      estimated: false,
      text: 'bis 15. Dezember 2026',
    },
    {
      lines: ['Bitte antworten Sie bis 15. Dezember.'],
      date: '2026-12-15',
      estimated: false,
      text: 'bis 15. Dezember',
    },
    {
      lines: ['Bitte schicken Sie die Unterlagen bis zum', '15.12.2026 an uns.'],
      date: '2026-12-15',
      estimated: false,
      text: 'bis zum 15.12.2026',
    },
    {
      lines: ['Bitte zahlen Sie bis spätestens 10.12.26.'],
      date: '2026-12-10',
      estimated: false,
      text: 'bis spätestens 10.12.26',
    },
    {
      lines: [
        'Gegen diesen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Widerspruch erheben.',
      ],
      date: '2026-12-07',
      estimated: true,
      text: 'innerhalb eines Monats nach Bekanntgabe',
    },
    {
      lines: [
        'Bitte reichen Sie innerhalb von zwei Wochen nach Zugang dieses Schreibens die Unterlagen ein.',
      ],
      date: '2026-11-20',
      estimated: true,
      text: 'innerhalb von zwei Wochen nach Zugang dieses Schreibens',
    },
    {
      lines: ['Bitte melden Sie sich binnen 14 Tagen.'],
      date: '2026-11-20',
      estimated: true,
      text: 'binnen 14 Tagen',
    },
  ];
  for (const { lines, date, estimated, text } of cases) {
    it(`reads "${lines.join(' ')}" as ${date}${estimated ? ' (estimated)' : ''}`, () => {
      const { deadline } = sut(lines);
      assert.deepEqual(deadline?.value, { date, estimated, text });
    });
  }

  it('counts the month from a Sunday delivery for the Familienkasse (AO) and from the Sunday itself under SGB X', () => {
    const lines = ['Sie können innerhalb eines Monats nach Bekanntgabe Einspruch einlegen.'];
    // Posted Wednesday 04.11.2026: fourth day Sunday 08.11.; AO moves it to Monday 09.11.
    assert.equal(sut(lines, '2026-11-04', 'ao').deadline?.value.date, '2026-12-09');
    assert.equal(sut(lines, '2026-11-04', 'sgb-x').deadline?.value.date, '2026-12-08');
  });

  it('takes an appointment as appointment and deadline', () => {
    const result = sut(['Ich lade Sie ein, am Donnerstag, 03.12.2026 um 9:30 Uhr zu kommen.']);
    assert.equal(result.appointment?.value, '2026-12-03T09:30');
    assert.deepEqual(result.deadline?.value, {
      date: '2026-12-03',
      estimated: false,
      text: 'am Donnerstag, 03.12.2026 um 9:30 Uhr',
    });
  });

  it('prefers an explicit date to a period and picks the earliest explicit date', () => {
    const { deadline } = sut([
      'Bitte zahlen Sie bis zum 20.12.2026. Die Unterlagen brauchen wir bis zum 10.12.2026.',
      'Widerspruch ist innerhalb eines Monats nach Bekanntgabe möglich.',
    ]);
    assert.equal(deadline?.value.date, '2026-12-10');
  });

  it('does not take the end of a period of benefits for a deadline', () => {
    assert.equal(sut(['Bewilligungszeitraum: 01.01.2026 bis 31.12.2026']).deadline, null);
    assert.equal(sut(['Leistungen werden bewilligt bis 31.07.2027.']).deadline, null);
  });

  it('gives no date for a period when the letter date is unknown (never guessed)', () => {
    assert.equal(sut(['Widerspruch innerhalb eines Monats nach Bekanntgabe.'], null).deadline, null);
  });

  it('ignores impossible dates', () => {
    assert.equal(sut(['Bitte antworten Sie bis zum 31.02.2026.']).deadline, null);
  });
});
