import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daysInMonth, expandTwoDigitYear, formatIsoDate, isLeapYear, isValidDate } from './calendar';

describe('calendar', () => {
  const leapYears: [number, boolean][] = [
    [2000, true],
    [1900, false],
    [2024, true],
    [2023, false],
    [2100, false],
  ];
  for (const [year, expected] of leapYears) {
    it(`${year} is ${expected ? '' : 'not '}a leap year`, () => assert.equal(isLeapYear(year), expected));
  }

  it('knows the length of every month', () => {
    const lengths = Array.from({ length: 12 }, (_, index) => daysInMonth(2023, index + 1));
    assert.deepEqual(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    assert.equal(daysInMonth(2024, 2), 29);
  });

  it('refuses days, months and years outside their range', () => {
    assert.equal(isValidDate(2010, 2, 28), true);
    assert.equal(isValidDate(2010, 2, 29), false);
    assert.equal(isValidDate(2010, 13, 1), false);
    assert.equal(isValidDate(2010, 4, 31), false);
    assert.equal(isValidDate(2010, 1, 0), false);
    assert.equal(isValidDate(1899, 12, 31), false);
  });

  it('formats with leading zeros', () => assert.equal(formatIsoDate(2010, 5, 3), '2010-05-03'));

  const pivots: [number, number, number][] = [
    [10, 2025, 2010],
    [25, 2025, 2025],
    [26, 2025, 1926],
    [87, 2025, 1987],
    [0, 2025, 2000],
    [99, 2101, 2099],
  ];
  for (const [twoDigits, todayYear, expected] of pivots) {
    it(`two-digit year ${twoDigits} in ${todayYear} is ${expected}`, () =>
      assert.equal(expandTwoDigitYear(twoDigits, todayYear), expected));
  }
});
