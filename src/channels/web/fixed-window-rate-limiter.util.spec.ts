import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FixedWindowRateLimiter } from './fixed-window-rate-limiter.util';

describe('FixedWindowRateLimiter', () => {
  it('allows the limit per key and window, then says how many seconds to wait', () => {
    let now = 0;
    const sut = new FixedWindowRateLimiter(2, 60_000, () => now);
    assert.equal(sut.take('10.0.0.1'), 0);
    assert.equal(sut.take('10.0.0.1'), 0);
    assert.equal(sut.take('10.0.0.1'), 60);
    assert.equal(sut.take('10.0.0.2'), 0, 'another address has its own budget');
    now = 45_000;
    assert.equal(sut.take('10.0.0.1'), 15);
    now = 60_000;
    assert.equal(sut.take('10.0.0.1'), 0, 'a new window');
  });
});
