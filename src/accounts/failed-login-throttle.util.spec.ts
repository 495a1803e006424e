import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FailedLoginThrottle } from './failed-login-throttle.util';

describe('FailedLoginThrottle', () => {
  it('blocks an address after the limit of failures until the window ends', () => {
    let now = 0;
    const sut = new FailedLoginThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(sut.isBlocked('203.0.113.7'), false);
      sut.recordFailure('203.0.113.7');
    }
    assert.equal(sut.isBlocked('203.0.113.7'), true);
    assert.equal(sut.isBlocked('203.0.113.8'), false);
    now = 60_000;
    assert.equal(sut.isBlocked('203.0.113.7'), false);
  });
});
