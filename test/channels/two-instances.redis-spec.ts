import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botTexts } from '../../src/bot/bot-texts';
import { killHard, Service, startService } from '../support/service-process';
import { testSecret, testTokenSecret } from './channel-test-app';

// Redis suite: two service processes on one database and one Redis, as behind a load balancer
// without sticky sessions. A family's messages reach both at the same moment (two open tabs, a
// retry through the other instance); the turns must run one after the other, so no message is
// answered with "something went wrong" because the other instance wrote the bot state first.

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two instances of the service, one conversation', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-two-instances-'));
  const env = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    BOT: 'antragslotse',
    REDIS_URL: redisUrl,
    DIRECTLINE_SECRET: testSecret,
    DIRECTLINE_TOKEN_SECRET: testTokenSecret,
    DATA_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
  };
  const services: Service[] = [];

  before(async () => {
    // One after the other: the first runs the migrations on the shared database.
    services.push(await startService(env));
    services.push(await startService(env));
  });
  after(async () => {
    await Promise.all(services.map(killHard));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every message sent to both at once in order, none with "something went wrong"', async () => {
    const [instanceA, instanceB] = services;
    const started = await fetch(`${instanceA.baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${testSecret}` },
    });
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
    const post = (service: Service, text: string) =>
      fetch(`${service.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: 'dl_ayse' }, text, locale: 'de-DE' }),
      });
    assert.equal((await post(instanceA, 'ja')).status, 200, 'privacy notice accepted');
    // Each pair changes the state on both sides: "nein" answers (or fails) the open question,
    // "zurück" goes back one question; both orders are fine, a lost write is not.
    const rounds = 20;
    for (let round = 0; round < rounds; round++) {
      const answers = await Promise.all([post(instanceA, 'nein'), post(instanceB, 'zurück')]);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [200, 200],
      );
    }
    type Logged = { id: string; from: { id: string }; text?: string; replyToId?: string };
    const activities: Logged[] = [];
    for (let watermark = ''; ;) {
      const page = await fetch(
        `${instanceB.baseUrl}/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const body = (await page.json()) as { activities: Logged[]; watermark: string };
      if (body.activities.length === 0) {
        break;
      }
      activities.push(...body.activities);
      watermark = body.watermark;
    }
    const fromFamily = activities.filter((activity) => activity.from.id === 'dl_ayse');
    assert.equal(fromFamily.length, 1 + 2 * rounds, 'every message is in the conversation');
    const failed = activities.filter((activity) => activity.text?.includes(botTexts.turnFailed.de));
    assert.equal(failed.length, 0, "no turn failed on the other instance's state write");
    // Each message got its own answer, not only the last of a pair.
    const answered = new Set(activities.map((activity) => activity.replyToId));
    assert.deepEqual(
      fromFamily.filter((message) => !answered.has(message.id)),
      [],
      'every message was answered',
    );
  });
});
