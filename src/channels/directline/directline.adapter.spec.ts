import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Activity, ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { BotStates } from '../../bot/state/bot-states';
import { TypeOrmStorage } from '../../bot/state/typeorm-storage';
import type { BotRegistry } from '../bot/bot-registry.service';
import { InProcessActivityBus } from '../events/in-process-activity-bus';
import { ActivityLogService } from './activity-log.service';
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

describe('DirectLineAdapter: the replies of a bot turn are stored with its state', () => {
  let database: TestDatabase;
  let log: ActivityLogService;
  let states: BotStates;
  const published: Array<{ watermark: number; stateSaved: boolean }> = [];

  before(async () => {
    database = await openTestDatabase();
    const bus = new InProcessActivityBus();
    log = new ActivityLogService(database.dataSource, database.cipher, bus);
    states = new BotStates(new TypeOrmStorage(database.dataSource, database.cipher));
    const publish = bus.publish.bind(bus);
    // When subscribers hear of the replies, the turn's state must already be committed.
    bus.publish = async (event) => {
      const rows = await database.dataSource.query<unknown[]>(
        `SELECT 1 FROM "bot_state" WHERE "key" LIKE ?`,
        [`directline/conversations/${event.conversationId}/%`],
      );
      published.push({ watermark: event.watermark, stateSaved: rows.length > 0 });
      return publish(event);
    };
  });
  after(() => database?.close());

  /** Runs one turn of `bot` (inside BotStates.runTurn) on a new conversation; returns what the log holds. */
  async function turn(work: (context: TurnContext) => Promise<void>): Promise<Array<string | undefined>> {
    const conversationId = await log.createConversation('family');
    const bots = {
      bot: { run: (context: TurnContext) => states.runTurn(context, () => work(context)) },
      turnCommit: states.storage,
    } as unknown as BotRegistry;
    const sut = new DirectLineAdapter(log, bots, new TurnQueue());
    const commits = spyOn(log, 'appendAll');
    await sut.processActivity({
      type: ActivityTypes.Message,
      channelId: 'directline',
      text: 'hallo',
      conversation: { id: conversationId, isGroup: false, name: '', conversationType: '' },
      from: { id: 'family', name: '' },
      recipient: { id: 'bot', name: '' },
    } as Activity);
    lastAppendCalls = commits.count;
    commits.restore();
    const { activities } = await log.listAfter(conversationId, undefined);
    return activities.map((activity) => (activity.type === 'typing' ? '(typing)' : activity.text));
  }
  let lastAppendCalls = 0;

  it('stores the messages in the commit of the state, and tells subscribers after it', async () => {
    published.length = 0;
    const stored = await turn(async (context) => {
      await states.conversation.set(context, { step: 1 } as never);
      await context.sendActivity('eins');
      await context.sendActivities([{ type: 'message', text: 'zwei' }]);
    });

    assert.deepEqual(stored, ['eins', 'zwei']);
    assert.equal(lastAppendCalls, 0, 'no commit of their own');
    assert.deepEqual(published, [{ watermark: 1, stateSaved: true }]);
  });

  it('shows none of the replies of a turn that fails, only the failure message', async () => {
    const stored = await turn(async (context) => {
      await context.sendActivity('eins');
      throw new Error('the bot failed after its first reply');
    });

    assert.equal(stored.length, 1);
    assert.match(stored[0] ?? '', /Entschuldigung, da ist etwas schiefgegangen\./);
  });

  it('sends a typing indicator at once, after the messages held back before it, in their order', async () => {
    const stored = await turn(async (context) => {
      await context.sendActivity('eins');
      await context.sendActivity({ type: 'typing' });
      await context.sendActivity('zwei');
    });

    assert.deepEqual(stored, ['eins', '(typing)', 'zwei']);
  });
});

/** Counts the calls of `object[method]` until restore(). */
function spyOn<T extends object>(object: T, method: keyof T & string): { count: number; restore(): void } {
  const original = object[method] as (...args: unknown[]) => unknown;
  const spy = { count: 0, restore: () => ((object as Record<string, unknown>)[method] = original) };
  (object as Record<string, unknown>)[method] = (...args: unknown[]) => {
    spy.count++;
    return original.apply(object, args);
  };
  return spy;
}
