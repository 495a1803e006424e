import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Activity, ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import type { BotRegistry } from '../bot/bot-registry.service';
import type { ActivityLogService } from './activity-log.service';
import { turnRepliesContract } from '../../../test/support/turn-replies-contract';
import { DirectLineAdapter } from './directline.adapter';
import { TurnQueue } from '../bot/turn-queue.util';

/** Records what the adapter stores; positions count up per conversation like the real log. */
class RecordingLog {
  readonly calls: Array<{ conversationId: string; texts: string[] }> = [];
  private readonly last = new Map<string, number>();

  appendAll(conversationId: string, activities: Partial<Activity>[]): Promise<Activity[]> {
    this.calls.push({ conversationId, texts: activities.map((activity) => activity.text ?? '') });
    return Promise.resolve(
      activities.map((activity) => {
        const position = (this.last.get(conversationId) ?? -1) + 1;
        this.last.set(conversationId, position);
        return { ...activity, id: `${conversationId}|${position}` } as Activity;
      }),
    );
  }
}

function message(text: string, conversationId?: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    ...(conversationId
      ? { conversation: { id: conversationId, isGroup: false, name: '', conversationType: '' } }
      : {}),
  };
}

describe('DirectLineAdapter.sendActivities', () => {
  it('stores the replies of one call together, one batch per conversation, split by a delay', async () => {
    const log = new RecordingLog();
    const sut = new DirectLineAdapter(
      log as unknown as ActivityLogService,
      {} as BotRegistry,
      new TurnQueue(),
    );
    const context = new TurnContext(new TestAdapter(), {
      type: ActivityTypes.Message,
      channelId: 'directline',
      conversation: { id: 'a', isGroup: false, name: '', conversationType: '' },
      from: { id: 'family', name: '' },
      recipient: { id: 'bot', name: '' },
    });

    const responses = await sut.sendActivities(context, [
      message('eins'),
      message('zwei', 'a'),
      message('an b', 'b'),
      { type: 'trace' },
      { type: 'delay', value: 0 },
      message('drei'),
    ]);

    assert.deepEqual(log.calls, [
      { conversationId: 'a', texts: ['eins', 'zwei'] },
      { conversationId: 'b', texts: ['an b'] },
      { conversationId: 'a', texts: ['drei'] },
    ]);
    assert.deepEqual(
      responses.map((response) => response.id),
      ['a|0', 'a|1', 'b|0', '', '', 'a|2'],
    );
  });
});

describe('DirectLineAdapter.onTurnError', () => {
  it("tells the family in the message's language that the answers so far are kept", async () => {
    const log = new RecordingLog();
    const failing = {
      bot: {
        run: () => Promise.reject(new Error('the bot failed')),
      },
    } as unknown as BotRegistry;
    const sut = new DirectLineAdapter(log as unknown as ActivityLogService, failing, new TurnQueue());

    await sut.processActivity({
      type: ActivityTypes.Message,
      channelId: 'directline',
      locale: 'tr-TR',
      text: 'merhaba',
      conversation: { id: 'c', isGroup: false, name: '', conversationType: '' },
      from: { id: 'family', name: '' },
      recipient: { id: 'bot', name: '' },
    } as Activity);

    assert.equal(log.calls.length, 1);
    const [reply] = log.calls[0].texts;
    assert.match(reply, /^Üzgünüz, bir sorun oluştu\. Şimdiye kadarki cevaplarınız kaydedildi\./);
    assert.match(reply, /Entschuldigung, da ist etwas schiefgegangen\./);
  });
});

describe('DirectLineAdapter: the replies of a bot turn are stored with its state (SQLite)', () => {
  turnRepliesContract({ postgres: false });
});
