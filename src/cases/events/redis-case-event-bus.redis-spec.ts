import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { until } from '../../../test/support/until';
import { createApp } from '../../app.factory';
import { loadConfig } from '../../config/app-config';
import { CASE_EVENT_BUS, CaseEvent, CaseEventBus } from './case-events.types';
import { RedisCaseEventBus } from './redis-case-event-bus';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const event = (kind: CaseEvent['kind']): CaseEvent => ({
  caseId: randomUUID(),
  teamId: randomUUID(),
  kind,
  at: '2026-12-01T10:00:00.000Z',
});

describe('RedisCaseEventBus against a real Redis', () => {
  it("hands an event published on one instance to the listeners of every instance, the publisher's too", async () => {
    const instanceA = new RedisCaseEventBus(redisUrl);
    const instanceB = new RedisCaseEventBus(redisUrl);
    try {
      await Promise.all([instanceA.whenReady(), instanceB.whenReady()]);
      const onA: CaseEvent[] = [];
      const onB: CaseEvent[] = [];
      instanceA.subscribe((received) => onA.push(received));
      const stop = instanceB.subscribe((received) => onB.push(received));
      const familyMessage = event('family-message');
      await instanceA.publish(familyMessage);
      await until(() => onA.length > 0 && onB.length > 0);
      assert.deepEqual(onB, [familyMessage]);
      assert.deepEqual(onA, [familyMessage], 'exactly once on the publishing instance');
      stop();
      await instanceA.publish(event('note-added'));
      await until(() => onA.length > 1);
      assert.equal(onB.length, 1, 'nothing after unsubscribing');
    } finally {
      await Promise.all([instanceA.close(), instanceB.close()]);
    }
  });

  it('ignores what is not a case event, and sends ids only', async () => {
    const sut = new RedisCaseEventBus(redisUrl);
    const spy = new Redis(redisUrl);
    const raw = new Redis(redisUrl);
    try {
      const published: string[] = [];
      spy.on('message', (_channel: string, message: string) => published.push(message));
      await Promise.all([sut.whenReady(), spy.subscribe('antragslotse:cases:event')]);
      const received: CaseEvent[] = [];
      sut.subscribe((delivered) => received.push(delivered));
      for (const junk of [
        'not json',
        '{"caseId":1}',
        '{"caseId":"a","teamId":null,"kind":"deleted","at":"x"}',
      ]) {
        await raw.publish('antragslotse:cases:event', junk);
      }
      const created = { ...event('created'), familyName: 'Yılmaz' } as CaseEvent;
      await sut.publish(created);
      await until(() => received.length > 0);
      assert.deepEqual(received, [
        { caseId: created.caseId, teamId: created.teamId, kind: 'created', at: created.at },
      ]);
      await until(() => published.length > 3);
      assert.ok(
        published.every((message) => !message.includes('Yılmaz')),
        'no property beyond the ids leaves the instance',
      );
    } finally {
      await Promise.all([sut.close(), spy.quit(), raw.quit()]);
    }
  });

  it('is what the service uses with REDIS_URL, so a case event on instance B reaches instance A', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-case-events-'));
    const config = () =>
      loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error', REDIS_URL: redisUrl });
    const instanceA = await createApp(config());
    const instanceB = await createApp(config());
    try {
      const busA = instanceA.get<CaseEventBus>(CASE_EVENT_BUS);
      const busB = instanceB.get<CaseEventBus>(CASE_EVENT_BUS);
      assert.ok(busA instanceof RedisCaseEventBus);
      await (busA as RedisCaseEventBus).whenReady();
      const onA: CaseEvent[] = [];
      busA.subscribe((received) => onA.push(received));
      const statusChanged = event('status-changed');
      await busB.publish(statusChanged);
      await until(() => onA.length > 0);
      assert.deepEqual(onA, [statusChanged]);
    } finally {
      await instanceA.close();
      await instanceB.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
