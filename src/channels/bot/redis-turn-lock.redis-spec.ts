import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { until } from '../../../test/support/until';
import { RedisTurnLock, turnLockKey } from './redis-turn-lock';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A promise with its resolve function outside, to hold a turn open as long as a test needs. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('RedisTurnLock against a real Redis', () => {
  it("makes a turn on a second instance wait for the same conversation's turn on the first", async () => {
    const instanceA = new RedisTurnLock(redisUrl);
    const instanceB = new RedisTurnLock(redisUrl);
    const redis = new Redis(redisUrl);
    const conversation = `conversation-${randomUUID()}`;
    const steps: string[] = [];
    const held = gate();
    try {
      const first = instanceA.run(conversation, async () => {
        steps.push('A begins');
        await held.opened;
        steps.push('A ends');
      });
      await until(() => steps.length > 0);
      const second = instanceB.run(conversation, () => {
        steps.push('B begins');
        return Promise.resolve();
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.deepEqual(steps, ['A begins'], 'B waited while A held the conversation');
      assert.equal(await redis.exists(turnLockKey(conversation)), 1, 'the lock is in Redis while A runs');
      held.open();
      await Promise.all([first, second]);
      assert.deepEqual(steps, ['A begins', 'A ends', 'B begins']);
      assert.equal(await redis.exists(turnLockKey(conversation)), 0, 'released after the last turn');
    } finally {
      await Promise.all([instanceA.close(), instanceB.close(), redis.quit()]);
    }
  });

  it('lets turns of different conversations run at the same time', async () => {
    const instanceA = new RedisTurnLock(redisUrl);
    const instanceB = new RedisTurnLock(redisUrl);
    const held = gate();
    let secondRan = false;
    try {
      const first = instanceA.run(`conversation-${randomUUID()}`, () => held.opened);
      await instanceB.run(`conversation-${randomUUID()}`, () => {
        secondRan = true;
        return Promise.resolve();
      });
      assert.equal(secondRan, true);
      held.open();
      await first;
    } finally {
      await Promise.all([instanceA.close(), instanceB.close()]);
    }
  });

  it('frees the lock when a turn fails, so the next turn does not wait for its expiry', async () => {
    const sut = new RedisTurnLock(redisUrl, { lockTimeoutMs: 60_000, acquireTimeoutMs: 60_000 });
    const other = new RedisTurnLock(redisUrl, { lockTimeoutMs: 60_000, acquireTimeoutMs: 60_000 });
    const redis = new Redis(redisUrl);
    const conversation = `conversation-${randomUUID()}`;
    try {
      await assert.rejects(
        sut.run(conversation, () => Promise.reject(new Error('bot failed'))),
        /bot failed/,
      );
      assert.equal(await redis.exists(turnLockKey(conversation)), 0, 'no lock left behind');
      assert.equal(await other.run(conversation, () => Promise.resolve('next turn')), 'next turn');
    } finally {
      await Promise.all([sut.close(), other.close(), redis.quit()]);
    }
  });

  it('takes over a conversation whose instance died holding it, once the lock expires', async () => {
    const redis = new Redis(redisUrl);
    const sut = new RedisTurnLock(redisUrl, { lockTimeoutMs: 5_000, acquireTimeoutMs: 5_000 });
    const conversation = `conversation-${randomUUID()}`;
    try {
      // A lock as an instance leaves it when it is killed mid-turn: nobody refreshes or releases it.
      await redis.set(turnLockKey(conversation), 'dead-instance', 'PX', 300);
      const result = await sut.run(conversation, async () => {
        assert.equal((await redis.pttl(turnLockKey(conversation))) > 300, true, 'now under its own lock');
        return 'answered';
      });
      assert.equal(result, 'answered');
    } finally {
      await Promise.all([sut.close(), redis.quit()]);
    }
  });

  it('runs the turn anyway when the lock is not free in time, rather than leaving the family without an answer', async () => {
    const redis = new Redis(redisUrl);
    const sut = new RedisTurnLock(redisUrl, { lockTimeoutMs: 5_000, acquireTimeoutMs: 100 });
    const conversation = `conversation-${randomUUID()}`;
    try {
      await redis.set(turnLockKey(conversation), 'stuck-instance', 'PX', 10_000);
      assert.equal(await sut.run(conversation, () => Promise.resolve('answered')), 'answered');
      assert.equal(
        await redis.get(turnLockKey(conversation)),
        'stuck-instance',
        'a lock it did not take is not released',
      );
    } finally {
      await redis.del(turnLockKey(conversation));
      await Promise.all([sut.close(), redis.quit()]);
    }
  });
});
