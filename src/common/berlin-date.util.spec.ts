import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { berlinDate } from './berlin-date.util';

describe('berlinDate', () => {
  it('gives the German calendar day, which differs from UTC around midnight', () => {
    assert.equal(berlinDate(new Date('2025-12-31T23:30:00Z')), '2026-01-01');
    assert.equal(berlinDate(new Date('2026-06-30T21:59:00Z')), '2026-06-30');
    assert.equal(berlinDate(new Date('2026-06-30T22:00:00Z')), '2026-07-01');
  });

  it('gives the new day from the first minute after midnight in Berlin, also right after a call', () => {
    assert.equal(berlinDate(new Date('2026-03-28T22:59:59.999Z')), '2026-03-28');
    assert.equal(berlinDate(new Date('2026-03-28T23:00:00.000Z')), '2026-03-29');
    // Summer time from 29 March: midnight is 22:00 UTC.
    assert.equal(berlinDate(new Date('2026-03-29T21:59:30Z')), '2026-03-29');
    assert.equal(berlinDate(new Date('2026-03-29T22:00:00Z')), '2026-03-30');
    assert.equal(berlinDate(new Date('2026-03-29T22:00:59Z')), '2026-03-30');
    assert.equal(berlinDate(new Date('2026-03-29T21:59:59Z')), '2026-03-29', 'back in the minute before');
    assert.throws(() => berlinDate(new Date(Number.NaN)), RangeError);
  });
});
