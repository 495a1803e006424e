import Redis from 'ioredis';

/**
 * One Redis pub/sub channel between app instances: a connection to publish and one to listen
 * (a subscribed connection can do nothing else). Messages are strings; callers put ids in them,
 * never personal data. Every instance receives its own messages too.
 */
export class RedisPubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly ready: Promise<unknown>;

  constructor(
    url: string,
    private readonly channel: string,
    onMessage: (message: string) => void,
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    // ioredis reconnects by itself; without a listener an outage would be an unhandled 'error'.
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (from: string, message: string) => {
      if (from === channel) {
        onMessage(message);
      }
    });
    this.ready = this.subscriber.subscribe(channel);
  }

  /** Resolves once this instance receives messages. */
  async whenReady(): Promise<void> {
    await this.ready;
  }

  async publish(message: string): Promise<void> {
    await this.publisher.publish(this.channel, message);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
