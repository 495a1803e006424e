import type { StatePropertyAccessor, Storage, TurnContext } from 'botbuilder';

type StateObject = Record<string, unknown>;

interface Loaded {
  key: string;
  state: StateObject;
  /** The state as JSON when read or last written: a turn that changed nothing writes nothing. */
  snapshot: string;
}

/**
 * One bot state (the conversation's or the user's) for the turn: read from storage on first use,
 * kept in the turn, written back by saveChanges only when it changed. It does what botbuilder's
 * BotState does, with one difference: botbuilder detects a change by serialising the state with a
 * replacer function and hashing it, three times a turn, which was a fifth of all the memory the
 * chat allocated under load. Here the check is native JSON.stringify, once on read and once on save.
 */
export class StateSlot {
  private readonly turnKey = Symbol('state');

  constructor(
    private readonly storage: Storage,
    private readonly keyOf: (context: TurnContext) => string,
  ) {}

  /** The turn's state object (mutations are saved by saveChanges). */
  async load(context: TurnContext): Promise<StateObject> {
    const loaded = context.turnState.get<Loaded | undefined>(this.turnKey);
    if (loaded) {
      return loaded.state;
    }
    const key = this.keyOf(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as StateObject | undefined) ?? {};
    context.turnState.set(this.turnKey, { key, state, snapshot: snapshotOf(state) } satisfies Loaded);
    return state;
  }

  async saveChanges(context: TurnContext): Promise<void> {
    const loaded = context.turnState.get<Loaded | undefined>(this.turnKey);
    if (!loaded) {
      return;
    }
    const snapshot = snapshotOf(loaded.state);
    if (snapshot === loaded.snapshot) {
      return;
    }
    // "*": the storage checks the eTag it read in this turn itself (TurnBatchStorage).
    loaded.state.eTag = '*';
    await this.storage.write({ [loaded.key]: loaded.state });
    loaded.snapshot = snapshot;
  }

  /** A named value inside the state, as botbuilder's property accessors offer it. */
  property<T>(name: string): StatePropertyAccessor<T> {
    return {
      get: async (context: TurnContext, defaultValue?: T): Promise<T> => {
        const state = await this.load(context);
        if (!Object.prototype.hasOwnProperty.call(state, name) && defaultValue !== undefined) {
          // A copy: the default object must not become part of every conversation's state.
          state[name] = typeof defaultValue === 'object' ? structuredClone(defaultValue) : defaultValue;
        }
        return state[name] as T;
      },
      set: async (context: TurnContext, value: T): Promise<void> => {
        (await this.load(context))[name] = value;
      },
      delete: async (context: TurnContext): Promise<void> => {
        delete (await this.load(context))[name];
      },
    };
  }
}

function snapshotOf(state: StateObject): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { eTag, ...rest } = state;
  return JSON.stringify(rest);
}
