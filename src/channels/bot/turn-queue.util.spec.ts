import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { TurnQueue } from './turn-queue.util';

describe('TurnQueue', () => {
  it('runs work of one conversation one after the other, and of different conversations side by side', async () => {
    const sut = new TurnQueue();
    const log: string[] = [];
    const turn = (key: string, name: string, ms: number) =>
      sut.run(key, async () => {
        log.push(`${name} start`);
        await sleep(ms);
        log.push(`${name} end`);
      });
    await Promise.all([turn('ayse', 'a1', 30), turn('ayse', 'a2', 1), turn('olena', 'o1', 5)]);
    assert.deepEqual(log, ['a1 start', 'o1 start', 'o1 end', 'a1 end', 'a2 start', 'a2 end']);
    await sleep(0);
    assert.equal(sut.busyKeys, 0, 'idle conversations are forgotten');
  });

  it('goes on with the next turn when one fails, and hands the failure to its caller', async () => {
    const sut = new TurnQueue();
    const failed = sut.run('mehmet', () => Promise.reject(new Error('bot failed')));
    const next = sut.run('mehmet', () => Promise.resolve('answered'));
    await assert.rejects(failed, /bot failed/);
    assert.equal(await next, 'answered');
  });
});
