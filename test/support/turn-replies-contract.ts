import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { BotStates } from '../../src/bot/state/bot-states';
import { TypeOrmStorage } from '../../src/bot/state/typeorm-storage';
import type { BotRegistry } from '../../src/channels/bot/bot-registry.service';
import { TurnQueue } from '../../src/channels/bot/turn-queue.util';
import { ActivityLogService } from '../../src/channels/directline/activity-log.service';
import { DirectLineAdapter } from '../../src/channels/directline/directline.adapter';
import { InProcessActivityBus } from '../../src/channels/events/in-process-activity-bus';
import { placeholder } from '../../src/database/plain-sql.util';
import { openTestDatabase, type TestDatabase } from './test-database';

/**
 * A Direct Line bot turn with state stores its replies in the commit of the state (one commit),
 * and subscribers hear of them after it; on SQLite and on PostgreSQL.
 */
export function turnRepliesContract(options: { postgres: boolean }): void {
  let database: TestDatabase;
  let log: ActivityLogService;
  let states: BotStates;
  const published: Array<{ watermark: number; stateSaved: boolean }> = [];

  before(async () => {
    database = await openTestDatabase({ postgres: options.postgres });
    const bus = new InProcessActivityBus();
    log = new ActivityLogService(database.dataSource, database.cipher, bus);
    states = new BotStates(new TypeOrmStorage(database.dataSource, database.cipher));
    const publish = bus.publish.bind(bus);
    // When subscribers hear of the replies, the turn's state must already be committed.
    bus.publish = async (event) => {
      const rows = await database.dataSource.query<unknown[]>(
        `SELECT 1 FROM "bot_state" WHERE "key" = ${placeholder(database.dataSource, 1)}`,
        [`directline/conversations/${event.conversationId}/`],
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
}

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
