import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailedLogin, isLocked, LockoutState } from './lockout.util';

const start = new Date('2025-03-03T08:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const fresh: LockoutState = { failedAttempts: 0, lastFailedAt: null, lockedUntil: null };

describe('lockout', () => {
  it('locks for 15 minutes at the fifth failure within 15 minutes', () => {
    let sut = fresh;
    for (let i = 0; i < 4; i++) {
      sut = afterFailedLogin(sut, minutes(i * 3));
      assert.equal(isLocked(sut, minutes(i * 3)), false);
    }
    sut = afterFailedLogin(sut, minutes(12));
    assert.equal(isLocked(sut, minutes(12)), true);
    assert.deepEqual(sut.lockedUntil, minutes(27));
    assert.equal(isLocked(sut, minutes(26.9)), true);
    assert.equal(isLocked(sut, minutes(27)), false);
  });

  it('starts counting again when the last failure is older than the window', () => {
    let sut = fresh;
    for (let i = 0; i < 4; i++) {
      sut = afterFailedLogin(sut, minutes(i));
    }
    sut = afterFailedLogin(sut, minutes(3 + 15));
    assert.equal(sut.failedAttempts, 1);
    assert.equal(isLocked(sut, minutes(18)), false);
  });

  it('needs five new failures for the next lock', () => {
    let sut = fresh;
    for (let i = 0; i < 5; i++) {
      sut = afterFailedLogin(sut, minutes(i));
    }
    const after = afterFailedLogin(sut, minutes(20));
    assert.equal(after.failedAttempts, 1);
    assert.equal(isLocked(after, minutes(20)), false);
  });
});
