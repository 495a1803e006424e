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

  it('recognises valid rule dates only', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isRelativeDate('today-18y'), true);
    assert.equal(isRelativeDate('yesterday'), false);
  });
});
