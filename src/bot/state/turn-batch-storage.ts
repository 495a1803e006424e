import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { CommitWork, StateChange, TypeOrmStorage } from './typeorm-storage';

interface TurnBatch {
  /** eTag of each key as first read in this turn; null when it did not exist. */
  readEtags: Map<string, string | null>;
  /** Writes held back until the end of the turn; null deletes. */
  pending: Map<string, StoreItem | null>;
  alongside: CommitWork[];
  /** Runs once the turn's transaction is committed (e.g. telling subscribers of new activities). */
  committed: Array<() => Promise<void>>;
  /**
   * Set when the turn has committed or failed. Work the turn started may go on in its async context
   * afterwards (a letter read in the background): it no longer belongs to the turn.
   */
  closed: boolean;
}

/**
 * The storage the bot's ConversationState and UserState use. Outside a turn it passes through.
 * Inside `runTurn` it holds every write back and commits them at the end in ONE transaction,
 * with the eTags read during the turn as preconditions: botbuilder's BotState writes with "*",
 * which would let two concurrent turns of one conversation silently overwrite each other.
 * If the turn throws, nothing is written and the state of the previous turn stays.
 */
export class TurnBatchStorage implements Storage {
  private readonly turns = new AsyncLocalStorage<TurnBatch>();

  constructor(private readonly store: TypeOrmStorage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.store.read(keys);
    const batch = this.openBatch();
    if (!batch) {
      return items;
    }
    for (const key of keys) {
      if (!batch.readEtags.has(key)) {
        batch.readEtags.set(key, (items[key] as StoreItem | undefined)?.eTag ?? null);
      }
      // A later read in the same turn sees the turn's own writes.
      const pending = batch.pending.get(key);
      if (pending === null) {
        delete items[key];
      } else if (pending) {
        items[key] = { ...pending };
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const batch = this.openBatch();
    if (!batch) {
      return this.store.write(changes);
    }
    for (const [key, item] of Object.entries(changes)) {
      batch.pending.set(key, { ...(item as StoreItem) });
    }
  }

  async delete(keys: string[]): Promise<void> {
    const batch = this.openBatch();
    if (!batch) {
      return this.store.delete(keys);
    }
    for (const key of keys) {
      batch.pending.set(key, null);
    }
  }

  /** Runs one turn and then commits its state changes once, atomically. */
  async runTurn<T>(work: () => Promise<T>): Promise<T> {
    const batch: TurnBatch = {
      readEtags: new Map(),
      pending: new Map(),
      alongside: [],
      committed: [],
      closed: false,
    };
    let result: T;
    try {
      result = await this.turns.run(batch, work);
      await this.store.commit(
        [...batch.pending].map(([key, item]) => changeOf(key, item, batch)),
        batch.alongside,
      );
    } finally {
      batch.closed = true;
    }
    for (const done of batch.committed) {
      await done();
    }
    return result;
  }

  /**
   * Runs `work` in the transaction that commits this turn's state, and `committed` after that
   * commit; outside a turn, both right away (in a transaction of its own). If the turn fails,
   * neither runs.
   */
  async commitWithTurn(work: CommitWork, committed?: () => Promise<void>): Promise<void> {
    const batch = this.openBatch();
    if (batch) {
      batch.alongside.push(work);
      if (committed) {
        batch.committed.push(committed);
      }
      return;
    }
    await this.store.commit([], [work]);
    await committed?.();
  }

  get inTurn(): boolean {
    return this.openBatch() !== undefined;
  }

  private openBatch(): TurnBatch | undefined {
    const batch = this.turns.getStore();
    return batch && !batch.closed ? batch : undefined;
  }
}

function changeOf(key: string, item: StoreItem | null, batch: TurnBatch): StateChange {
  const own = item?.eTag;
  if (own && own !== '*') {
    return { key, item, expected: own };
  }
  return { key, item, expected: batch.readEtags.has(key) ? batch.readEtags.get(key)! : '*' };
}
