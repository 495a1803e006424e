import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { easterSunday, isWorkingDay, nationwideHolidays, nextWorkingDayFrom } from './holidays';

describe('holidays', () => {
  for (const [year, easter] of [
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ] as const) {
    it(`Easter Sunday ${year} is ${easter}`, () => {
      assert.equal(easterSunday(year), easter);
    });
  }

  it('lists the nine nationwide holidays of 2026 with the movable ones from Easter', () => {
    const sut = nationwideHolidays(2026);
    assert.deepEqual([...sut.keys()].sort(), [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-10-03',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('knows the one-off Reformation Day 2017 and no Reformation Day in other years', () => {
    assert.equal(nationwideHolidays(2017).has('2017-10-31'), true);
    assert.equal(nationwideHolidays(2026).has('2026-10-31'), false);
  });

  for (const [day, working] of [
    ['2026-12-07', true], // Monday
    ['2026-12-05', false], // Saturday
    ['2026-12-06', false], // Sunday
    ['2026-12-25', false], // Christmas Day, Friday
    ['2026-05-14', false], // Ascension Day
    ['2026-06-04', true], // Corpus Christi: a state holiday only, so counted as a working day
  ] as const) {
    it(`${day} is ${working ? '' : 'not '}a working day`, () => {
      assert.equal(isWorkingDay(day), working);
    });
  }

  it('moves past Christmas and the weekend to the next working day', () => {
    assert.equal(nextWorkingDayFrom('2026-12-25'), '2026-12-28');
  });
});
