import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daysInMonth, formatIsoDate } from './calendar';
import { DateParseResult, parseDate } from './parse-date';

const today = '2025-06-01';
const ok = (value: string): DateParseResult => ({ ok: true, value });
const fail = (reason: 'not-a-date' | 'invalid-date' | 'ambiguous' | 'incomplete'): DateParseResult => ({
  ok: false,
  reason,
});

describe('parseDate', () => {
  const cases: [string, DateParseResult][] = [
    // numbers, German order
    ['3.5.2010', ok('2010-05-03')],
    ['03.05.2010', ok('2010-05-03')],
    ['03.05.10', ok('2010-05-03')],
    ['03.05.87', ok('1987-05-03')], // two-digit year after this year's: last century
    ['1.1.25', ok('2025-01-01')],
    ['1.1.26', ok('1926-01-01')],
    ['3/5/2010', ok('2010-05-03')],
    ['03-05-2010', ok('2010-05-03')],
    ['3 5 2010', ok('2010-05-03')],
    ['3. 5. 2010', ok('2010-05-03')],
    [' 3.5.2010. ', ok('2010-05-03')],
    ['03052010', ok('2010-05-03')],
    ['030510', ok('2010-05-03')],
    ['٣/٥/٢٠١٠', ok('2010-05-03')], // Arabic-Indic digits
    // ISO and year first
    ['2010-05-03', ok('2010-05-03')],
    ['2010/5/3', ok('2010-05-03')],
    ['20100503', ok('2010-05-03')],
    // German month names, abbreviations, umlauts
    ['3. Mai 2010', ok('2010-05-03')],
    ['3 Mai 2010', ok('2010-05-03')],
    ['03. März 2010', ok('2010-03-03')],
    ['3. Maerz 2010', ok('2010-03-03')],
    ['3. Marz 2010', ok('2010-03-03')],
    ['3. Jan. 2010', ok('2010-01-03')],
    ['3. Sept. 2010', ok('2010-09-03')],
    ['24. Dez 2019', ok('2019-12-24')],
    ['1. Jänner 2020', ok('2020-01-01')],
    ['am 3. Mai 2010', ok('2010-05-03')],
    ['geb. 3.5.2010', ok('2010-05-03')],
    ['Montag, 3. Mai 2010', ok('2010-05-03')],
    ['3. MAI 2010', ok('2010-05-03')],
    ['3.Mai.10', ok('2010-05-03')],
    // English
    ['May 3, 2010', ok('2010-05-03')],
    ['3 May 2010', ok('2010-05-03')],
    ['the 3rd of May 2010', ok('2010-05-03')],
    ['December 24th, 2019', ok('2019-12-24')],
    ['Oct 1 2020', ok('2020-10-01')],
    // Turkish, Russian, Ukrainian, Arabic
    ['3 Mayıs 2010', ok('2010-05-03')],
    ['3 MAYIS 2010', ok('2010-05-03')],
    ['15 Ağustos 2015', ok('2015-08-15')],
    ['3 мая 2010 г.', ok('2010-05-03')],
    ['3 травня 2010 р.', ok('2010-05-03')],
    ['1 вересня 2018 року', ok('2018-09-01')],
    ['3 مايو 2010', ok('2010-05-03')],
    ['3 تشرين الأول 2010', ok('2010-10-03')],
    // impossible dates
    ['31.02.2010', fail('invalid-date')],
    ['29.02.2013', fail('invalid-date')],
    ['31.04.2010', fail('invalid-date')],
    ['0.5.2010', fail('invalid-date')],
    ['13.13.2010', fail('invalid-date')],
    ['32.1.2010', fail('invalid-date')],
    ['3.5.1899', fail('invalid-date')],
    ['3.5.210', fail('invalid-date')],
    ['30. Februar 2010', fail('invalid-date')],
    // leap years
    ['29.02.2012', ok('2012-02-29')],
    ['29.02.2000', ok('2000-02-29')],
    // two readings
    ['5/13/2010', fail('ambiguous')], // US order: the 13th cannot be a month
    ['12.31.2010', fail('ambiguous')],
    ['3.13.2010', fail('ambiguous')],
    ['3. Ma 2010', fail('ambiguous')], // März or Mai
    ['3 كانون 2010', fail('ambiguous')],
    // day or year missing
    ['3. Mai', fail('incomplete')],
    ['3.5.', fail('incomplete')],
    ['Mai 2010', fail('incomplete')],
    ['Mai', fail('incomplete')],
    ['05.2010', fail('incomplete')],
    ['2010', fail('incomplete')],
    // no date at all
    ['', fail('not-a-date')],
    ['hallo', fail('not-a-date')],
    ['weiß nicht', fail('not-a-date')],
    ['3. Morgen 2010', fail('not-a-date')],
    ['3. Mai Juni 2010', fail('not-a-date')],
    ['1.2.3.4', fail('not-a-date')],
    ['3.5.20100', fail('not-a-date')],
    ['12345', fail('not-a-date')],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseDate(input, { today }), expected);
    });
  }

  it('takes the pivot for two-digit years from the reference date', () => {
    assert.deepEqual(parseDate('1.1.30', { today: '2035-01-01' }), ok('2030-01-01'));
    assert.deepEqual(parseDate('1.1.30', { today: '2025-01-01' }), ok('1930-01-01'));
    assert.deepEqual(parseDate('1.1.30', { today: new Date(2040, 0, 1) }), ok('2030-01-01'));
  });

  it('uses the current year when no reference date is given', () => {
    const result = parseDate('3.5.2010');
    assert.deepEqual(result, ok('2010-05-03'));
  });
});

describe('parseDate with monthOnly', () => {
  const cases: [string, DateParseResult][] = [
    ['05.2010', ok('2010-05-01')],
    ['5/2010', ok('2010-05-01')],
    ['05.10', ok('2010-05-01')],
    ['052010', ok('2010-05-01')],
    ['0510', ok('2010-05-01')],
    ['2010-05', ok('2010-05-01')],
    ['Mai 2010', ok('2010-05-01')],
    ['Mai 10', ok('2010-05-01')],
    ['2010 Mai', ok('2010-05-01')],
    ['seit März 2019', ok('2019-03-01')],
    ['3.5.2010', ok('2010-05-01')], // a full date is accepted; the day is dropped
    ['13.2010', fail('invalid-date')],
    ['Mai', fail('incomplete')],
    ['2010', fail('incomplete')],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseDate(input, { today, monthOnly: true }), expected);
    });
  }
});

describe('parseDate property: D.M.YYYY round trip', () => {
  // Deterministic pseudo-random numbers (mulberry32) so a failure can be reproduced.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('returns the same date for 2,000 random valid dates', () => {
    const next = random(20250601);
    for (let index = 0; index < 2000; index++) {
      const year = 1900 + Math.floor(next() * 201);
      const month = 1 + Math.floor(next() * 12);
      const day = 1 + Math.floor(next() * daysInMonth(year, month));
      const typed = `${day}.${month}.${year}`;
      assert.deepEqual(parseDate(typed, { today }), ok(formatIsoDate(year, month, day)), typed);
    }
  });
});
