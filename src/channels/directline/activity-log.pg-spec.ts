import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ActivityLogService } from './activity-log.service';
import { startChannelApp } from '../../../test/channels/channel-test-app';
import { TestApp } from '../../../test/support/test-app';
import { createPgSchema, PgSchema } from '../../../test/support/pg-schema';
import { activityLogContract } from '../../../test/support/activity-log-contract';

describe('Direct Line conversation log on PostgreSQL', () => {
  let schema: PgSchema;
  let instanceA: TestApp;
  let instanceB: TestApp;

  before(async () => {
    schema = await createPgSchema('directline');
    // Two app instances on one database, as behind a load balancer; the same data key for both.
    const keys = `pg:${Buffer.alloc(32, 7).toString('base64')}`;
    instanceA = await startChannelApp({ DATABASE_URL: schema.url, DATA_ENCRYPTION_KEYS: keys });
    instanceB = await startChannelApp({ DATABASE_URL: schema.url, DATA_ENCRYPTION_KEYS: keys });
  });
  after(async () => {
    await instanceA?.close();
    await instanceB?.close();
    await schema?.drop();
  });

  it('gives every activity its own watermark when two instances append to one conversation at once', async () => {
    const logA = instanceA.app.get(ActivityLogService);
    const logB = instanceB.app.get(ActivityLogService);
    const conversationId = await logA.createConversation('dl_dragana');
    const writes = Array.from({ length: 40 }, (_, index) =>
      (index % 2 === 0 ? logA : logB).append(conversationId, { type: 'message', text: `Nachricht ${index}` }),
    );
    const stored = await Promise.all(writes);
    const positions = stored.map((activity) => Number(activity.id?.split('|')[1])).sort((a, b) => a - b);
    assert.deepEqual(
      positions,
      Array.from({ length: 40 }, (_, index) => index),
    );
    const page = await logB.listAfter(conversationId, undefined, 100);
    assert.equal(page.activities.length, 40);
    assert.equal(page.watermark, '39');
    const texts = new Set(page.activities.map((activity) => activity.text));
    assert.equal(texts.size, 40, 'nothing lost, nothing doubled');
  });

  activityLogContract(() => instanceA.app.get(ActivityLogService));
});
