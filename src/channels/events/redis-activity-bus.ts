import Redis from 'ioredis';
import { ActivityBus, ActivityEvent, ActivityListener } from './activity-bus.types';
import { ListenerRegistry } from './listener-registry.util';

const channel = 'antragslotse:directline:activity';

/**
 * Pub/sub over Redis for several app instances: a reply produced on instance B reaches the
 * WebSocket held by instance A. One channel for all conversations (a neighbourhood or a city is
 * small); each instance dispatches only to its own listeners. Events carry ids, never content.
 */
export class RedisActivityBus implements ActivityBus {
  private readonly registry = new ListenerRegistry();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly ready: Promise<unknown>;

  constructor(url: string) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    this.subscriber.on('message', (_channel: string, message: string) => {
      const event = parse(message);
      if (event) {
        this.registry.dispatch(event);
      }
    });
    this.ready = this.subscriber.subscribe(channel);
  }

  /** Resolves once this instance receives events. */
  async whenReady(): Promise<void> {
    await this.ready;
  }

  async publish(event: ActivityEvent): Promise<void> {
    await this.publisher.publish(channel, JSON.stringify({ c: event.conversationId, w: event.watermark }));
  }

  subscribe(conversationId: string, listener: ActivityListener): () => void {
    return this.registry.add(conversationId, listener);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}

function parse(message: string): ActivityEvent | undefined {
  try {
    const value = JSON.parse(message) as { c?: unknown; w?: unknown };
    if (typeof value.c === 'string' && typeof value.w === 'number') {
      return { conversationId: value.c, watermark: value.w };
    }
  } catch {
    // A foreign message on the channel: ignore it.
  }
  return undefined;
}
