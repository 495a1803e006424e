import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { Mutex } from 'redis-semaphore';
import { TurnLock } from './turn-lock.types';
import { TurnQueue } from './turn-queue.util';

export interface RedisTurnLockOptions {
  /** How long a lock lives without being refreshed: an instance that dies frees it after this. */
  lockTimeoutMs: number;
  /** How long a turn waits for another instance's turn of the same conversation. */
  acquireTimeoutMs: number;
}

/** The lock's key in Redis (redis-semaphore's Mutex puts "mutex:" in front of the name it is given). */
export function turnLockKey(conversationKey: string): string {
  return `mutex:${lockName(conversationKey)}`;
}

function lockName(conversationKey: string): string {
  return `antragslotse:turn:${conversationKey}`;
}

const defaults: RedisTurnLockOptions = { lockTimeoutMs: 30_000, acquireTimeoutMs: 15_000 };

/**
 * Turns of one conversation, one after the other across app instances. Within the process the
 * turns queue first (one Redis lock per busy conversation and instance, not one per waiting
 * message); then each turn holds a Redis mutex, refreshed while it runs, released after it.
 *
 * If Redis does not answer or the lock is not free in time, the turn runs anyway: the bot state's
 * eTag check still refuses a second writer, and the family is asked to send the message again,
 * which is better than no answer at all. Log lines name neither the conversation nor the key.
 */
export class RedisTurnLock implements TurnLock {
  private readonly logger = new Logger('TurnLock');
  private readonly local = new TurnQueue();
  private readonly client: Redis;

  constructor(
    url: string,
    private readonly options: RedisTurnLockOptions = defaults,
  ) {
    this.client = new Redis(url, { maxRetriesPerRequest: 2 });
    // ioredis reconnects by itself; without a listener an outage would be an unhandled 'error'.
    this.client.on('error', () => undefined);
  }

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(key, () => this.runLocked(key, work));
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private async runLocked<T>(key: string, work: () => Promise<T>): Promise<T> {
    const mutex = new Mutex(this.client, lockName(key), {
      lockTimeout: this.options.lockTimeoutMs,
      acquireTimeout: this.options.acquireTimeoutMs,
      retryInterval: 5,
      onLockLost: () =>
        this.logger.warn('A turn outlived its lock (Redis unreachable, or the turn took too long).'),
    });
    let acquired = false;
    try {
      await mutex.acquire();
      acquired = true;
    } catch (error) {
      // The error's message holds the key; its class says enough.
      this.logger.warn(
        `Turn lock not taken (${(error as Error).name}); the turn runs, guarded by the state's eTag check.`,
      );
    }
    try {
      return await work();
    } finally {
      if (acquired) {
        await mutex
          .release()
          .catch((error: Error) => this.logger.warn(`Turn lock not released (${error.name}).`));
      }
    }
  }
}
