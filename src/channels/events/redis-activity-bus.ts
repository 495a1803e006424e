import { RedisPubSub } from '../../common/redis-pubsub';
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
  private readonly pubsub: RedisPubSub;

  constructor(url: string) {
    this.pubsub = new RedisPubSub(url, channel, (message) => {
      const event = parse(message);
      if (event) {
        this.registry.dispatch(event);
      }
    });
  }

  /** Resolves once this instance receives events. */
  whenReady(): Promise<void> {
    return this.pubsub.whenReady();
  }

  async publish(event: ActivityEvent): Promise<void> {
    await this.pubsub.publish(JSON.stringify({ c: event.conversationId, w: event.watermark }));
  }

  subscribe(conversationId: string, listener: ActivityListener): () => void {
    return this.registry.add(conversationId, listener);
  }

  close(): Promise<void> {
    return this.pubsub.close();
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
