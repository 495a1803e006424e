import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { berlinDate } from './berlin-date.util';

describe('berlinDate', () => {
  it('gives the German calendar day, which differs from UTC around midnight', () => {
    assert.equal(berlinDate(new Date('2025-12-31T23:30:00Z')), '2026-01-01');
    assert.equal(berlinDate(new Date('2026-06-30T21:59:00Z')), '2026-06-30');
    assert.equal(berlinDate(new Date('2026-06-30T22:00:00Z')), '2026-07-01');
  });
});
