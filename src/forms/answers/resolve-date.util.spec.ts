import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoDate, isRelativeDate, resolveDate as sut } from './resolve-date.util';

describe('resolveDate', () => {
  it('resolves today and offsets in days, months and years', () => {
    assert.equal(sut('today', '2025-10-01'), '2025-10-01');
    assert.equal(sut('today-18y', '2025-10-01'), '2007-10-01');
    assert.equal(sut('today+3m', '2025-11-30'), '2026-02-28');
    assert.equal(sut('today-14d', '2025-03-05'), '2025-02-19');
    assert.equal(sut('today-1y', '2024-02-29'), '2023-02-28');
    assert.equal(sut('2010-05-03', '2025-10-01'), '2010-05-03');
  });

  it('resolves the same rule anew for another day (results are kept per day and rule)', () => {
    assert.equal(sut('today-18y', '2025-10-01'), '2007-10-01');
    assert.equal(sut('today-18y', '2025-10-02'), '2007-10-02');
    assert.equal(sut('today-18y', '2025-10-01'), '2007-10-01');
    // More days than are kept: the oldest results go, the answers stay right.
    for (let day = 1; day <= 1200; day++) {
      const today = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
      const expected = new Date(Date.UTC(2020, 0, day - 14)).toISOString().slice(0, 10);
      assert.equal(sut('today-14d', today), expected, today);
    }
    assert.throws(() => sut('yesterday', '2025-10-01'), /Not a date rule/);
  });

  it('recognises valid rule dates only', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2000-02-29'), true, 'divisible by 400: a leap year');
    assert.equal(isIsoDate('1900-02-29'), false, 'divisible by 100: none');
    for (const day of ['2025-01-31', '2025-04-30', '2025-12-31', '0100-01-01']) {
      assert.equal(isIsoDate(day), true, day);
    }
    for (const notDay of [
      '2025-04-31',
      '0099-12-31',
      '0100-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '2025-01-1',
      '2025/01/01',
      '2025-01-01 ',
      ' 2025-01-01',
      '2025-0a-01',
      '２０２５-01-01',
      '',
    ]) {
      assert.equal(isIsoDate(notDay), false, JSON.stringify(notDay));
    }
    assert.equal(isRelativeDate('today-18y'), true);
    assert.equal(isRelativeDate('yesterday'), false);
  });
});
