import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  StoreItems,
  TestAdapter,
  TurnContext,
  UserState,
} from 'botbuilder';
import { conversationKeyOf, userKeyOf } from './bot-states';
import { StateSlot } from './state-slot';

/** MemoryStorage that counts its reads and writes. */
class CountingStorage extends MemoryStorage {
  reads = 0;
  writes = 0;
  override read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return super.read(keys);
  }
  override write(changes: StoreItems): Promise<void> {
    this.writes++;
    return super.write(changes);
  }
}

function turn(text = 'hallo'): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: ActivityTypes.Message,
    text,
    channelId: 'directline',
    conversation: { id: 'conv-1', isGroup: false, name: '', conversationType: 'personal' },
    from: { id: 'family-1', name: '' },
    recipient: { id: 'bot', name: '' },
  });
}

function slotOn(storage: CountingStorage): StateSlot {
  return new StateSlot(storage, (context) =>
    conversationKeyOf(context.activity.channelId, context.activity.conversation.id),
  );
}

describe('StateSlot', () => {
  it('reads once per turn and writes only a state that changed', async () => {
    const storage = new CountingStorage();
    const slot = slotOn(storage);
    const data = slot.property<{ step: number }>('data');

    const first = turn();
    (await data.get(first, { step: 0 })).step = 1;
    assert.equal((await data.get(first))?.step, 1);
    await slot.saveChanges(first);
    assert.deepEqual([storage.reads, storage.writes], [1, 1]);

    const unchanged = turn();
    assert.equal((await data.get(unchanged))?.step, 1);
    await slot.saveChanges(unchanged);
    assert.deepEqual([storage.reads, storage.writes], [2, 1]);

    const changed = turn();
    await data.set(changed, { step: 2 });
    await slot.saveChanges(changed);
    assert.deepEqual([storage.reads, storage.writes], [3, 2]);
    assert.equal((await data.get(turn()))?.step, 2);
  });

  it('gives each conversation its own copy of a default value', async () => {
    const slot = slotOn(new CountingStorage());
    const defaults = { answers: [] as string[] };
    const answers = slot.property<{ answers: string[] }>('data');

    (await answers.get(turn(), defaults)).answers.push('ja');

    assert.deepEqual(defaults.answers, []);
  });

  it('forgets a deleted value when saved', async () => {
    const storage = new CountingStorage();
    const slot = slotOn(storage);
    const data = slot.property<string>('data');
    const first = turn();
    await data.set(first, 'x');
    await slot.saveChanges(first);

    const second = turn();
    await data.delete(second);
    await slot.saveChanges(second);

    assert.equal(await data.get(turn()), undefined);
  });

  it('stores under the keys of botbuilder ConversationState and UserState (states saved before still load)', () => {
    const context = turn();
    const storage = new MemoryStorage();
    assert.equal(
      conversationKeyOf(context.activity.channelId, context.activity.conversation.id),
      new ConversationState(storage).getStorageKey(context),
    );
    assert.equal(
      userKeyOf(context.activity.channelId, context.activity.from.id),
      new UserState(storage).getStorageKey(context),
    );
  });
});
