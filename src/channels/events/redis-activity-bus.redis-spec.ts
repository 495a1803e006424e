import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createApp } from '../../app.factory';
import { loadConfig } from '../../config/app-config';
import { testSecret, testTokenSecret } from '../../../test/channels/channel-test-app';
import { ActivityEvent } from './activity-bus.types';
import { RedisActivityBus } from './redis-activity-bus';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('RedisActivityBus against a real Redis', () => {
  it('delivers an event published on one instance to the listeners of another, and only for their conversation', async () => {
    const instanceA = new RedisActivityBus(redisUrl);
    const sut = new RedisActivityBus(redisUrl);
    try {
      await Promise.all([instanceA.whenReady(), sut.whenReady()]);
      const received: ActivityEvent[] = [];
      const stop = sut.subscribe('conversation-ayse', (event) => received.push(event));
      sut.subscribe('conversation-other', () => assert.fail('a foreign conversation was notified'));
      await instanceA.publish({ conversationId: 'conversation-ayse', watermark: 7 });
      for (let waited = 0; waited < 2000 && received.length === 0; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.deepEqual(received, [{ conversationId: 'conversation-ayse', watermark: 7 }]);
      stop();
      await instanceA.publish({ conversationId: 'conversation-ayse', watermark: 8 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(received.length, 1, 'no event after unsubscribing');
    } finally {
      await Promise.all([instanceA.close(), sut.close()]);
    }
  });

  it('streams a reply produced on instance B to a WebSocket held by instance A', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-redis-'));
    const config = () =>
      loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
        BOT: 'echo',
        REDIS_URL: redisUrl,
        DIRECTLINE_SECRET: testSecret,
        DIRECTLINE_TOKEN_SECRET: testTokenSecret,
      });
    const instanceA = await createApp(config());
    await instanceA.listen(0, '127.0.0.1');
    const instanceB = await createApp(config());
    await instanceB.listen(0, '127.0.0.1');
    const urlOf = (app: typeof instanceA): string =>
      `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    try {
      const started = await fetch(`${urlOf(instanceA)}/v3/directline/conversations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${testSecret}` },
      });
      const conversation = (await started.json()) as {
        conversationId: string;
        token: string;
        streamUrl: string;
      };
      const socket = new WebSocket(`${conversation.streamUrl}&watermark=0`);
      const texts: string[] = [];
      socket.on('message', (data) => {
        const frame = (data as Buffer).toString();
        if (frame) {
          texts.push(
            ...(JSON.parse(frame) as { activities: Array<{ text: string }> }).activities.map((a) => a.text),
          );
        }
      });
      await new Promise((resolve) => socket.once('open', resolve));
      await new Promise((resolve) => setTimeout(resolve, 100)); // the subscription on A is in place
      const posted = await fetch(
        `${urlOf(instanceB)}/v3/directline/conversations/${conversation.conversationId}/activities`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${conversation.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'message', from: { id: 'dl_mehmet' }, text: 'über Instanz B' }),
        },
      );
      assert.equal(posted.status, 200);
      for (let waited = 0; waited < 3000 && !texts.includes('Echo: über Instanz B'); waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.deepEqual(texts, ['über Instanz B', 'Echo: über Instanz B']);
      socket.close();
    } finally {
      await instanceA.close();
      await instanceB.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
