import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RenderQueue } from './render-queue.util';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('RenderQueue', () => {
  it('runs one task at a time, in the order asked', async () => {
    const sut = new RenderQueue<number>();
    const log: string[] = [];
    let running = 0;
    const task = (page: number) => async () => {
      running++;
      assert.equal(running, 1, 'never two at once');
      log.push(`start ${page}`);
      await tick();
      log.push(`end ${page}`);
      running--;
      return page;
    };
    const results = await Promise.all([1, 2, 3].map((page) => sut.run(`p${page}`, task(page))));
    assert.deepEqual(results, [1, 2, 3]);
    assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    assert.equal(sut.size, 0);
  });

  it('joins requests for the same page and goes on after a failure', async () => {
    const sut = new RenderQueue<string>();
    let calls = 0;
    const first = sut.run('a', async () => {
      calls++;
      await tick();
      return 'png';
    });
    const second = sut.run('a', () => Promise.resolve('other'));
    const failing = sut.run('b', () => Promise.reject(new Error('broken page')));
    const after = sut.run('c', () => Promise.resolve('next'));
    assert.equal(await first, 'png');
    assert.equal(await second, 'png');
    assert.equal(calls, 1);
    await assert.rejects(failing, /broken page/);
    assert.equal(await after, 'next');
  });
});
