import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ActivityLogService } from '../../src/channels/directline/activity-log.service';

/** What every database gives the Direct Line log: batches in order, positions without gaps. */
export function activityLogContract(log: () => ActivityLogService): void {
  it('stores the replies of a turn together, in order, beside concurrent single appends', async () => {
    const conversationId = await log().createConversation('dl_ayse');
    const batches = Array.from({ length: 6 }, (_, batch) =>
      log().appendAll(
        conversationId,
        Array.from({ length: 3 }, (_, index) => ({ type: 'message', text: `Antwort ${batch}.${index}` })),
      ),
    );
    const singles = Array.from({ length: 6 }, (_, index) =>
      log().append(conversationId, { type: 'message', text: `Nachricht ${index}` }),
    );
    const stored = [...(await Promise.all(batches)).flat(), ...(await Promise.all(singles))];

    const positions = stored.map((activity) => Number(activity.id?.split('|')[1])).sort((a, b) => a - b);
    assert.deepEqual(
      positions,
      Array.from({ length: 24 }, (_, index) => index),
    );
    const page = await log().listAfter(conversationId, undefined, 100);
    assert.equal(page.watermark, '23');
    for (let batch = 0; batch < 6; batch++) {
      const texts = page.activities.map((activity) => activity.text);
      const first = texts.indexOf(`Antwort ${batch}.0`);
      assert.deepEqual(
        texts.slice(first, first + 3),
        [0, 1, 2].map((index) => `Antwort ${batch}.${index}`),
      );
    }
    const byId = new Map(page.activities.map((activity) => [activity.id, activity.text]));
    for (const activity of stored) {
      assert.equal(byId.get(activity.id), activity.text, 'the id returned is the id read back');
    }
  });
}
