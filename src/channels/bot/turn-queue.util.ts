import { TurnLock } from './turn-lock.types';

/**
 * Runs work one after the other per key (a conversation id): a second message waits for the
 * first turn, so the bot writes its state once per turn and in order. Keys without pending work
 * are forgotten, so the map only holds conversations that are busy right now.
 */
export class TurnQueue implements TurnLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) {
        this.tails.delete(key);
      }
    });
    return result;
  }

  /** Nothing to let go of: the chain lives in this process. */
  async close(): Promise<void> {}

  get busyKeys(): number {
    return this.tails.size;
  }
}
