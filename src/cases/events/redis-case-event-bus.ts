import { RedisPubSub } from '../../common/redis-pubsub';
import { CaseEvent, CaseEventBus, CaseEventKind, CaseEventListener } from './case-events.types';
import { InProcessCaseEventBus } from './in-process-case-event-bus';

const channel = 'antragslotse:cases:event';

const kinds: ReadonlySet<string> = new Set<CaseEventKind>([
  'created',
  'family-message',
  'family-message-read',
  'status-changed',
  'assigned',
  'answer-changed',
  'note-added',
  'documents-changed',
]);

/**
 * Case events for several app instances: a family's message handled on instance B moves the case
 * up in the queue a Kümmerer has open on instance A. Every event goes through Redis, also to the
 * instance that published it, and is then handed to this instance's open pages. Ids only.
 */
export class RedisCaseEventBus implements CaseEventBus {
  private readonly local = new InProcessCaseEventBus();
  private readonly pubsub: RedisPubSub;

  constructor(url: string) {
    this.pubsub = new RedisPubSub(url, channel, (message) => {
      const event = parse(message);
      if (event) {
        void this.local.publish(event);
      }
    });
  }

  /** Resolves once this instance receives events. */
  whenReady(): Promise<void> {
    return this.pubsub.whenReady();
  }

  async publish(event: CaseEvent): Promise<void> {
    const { caseId, teamId, kind, at } = event;
    await this.pubsub.publish(JSON.stringify({ caseId, teamId, kind, at }));
  }

  subscribe(listener: CaseEventListener): () => void {
    return this.local.subscribe(listener);
  }

  async close(): Promise<void> {
    await Promise.all([this.pubsub.close(), this.local.close()]);
  }
}

function parse(message: string): CaseEvent | undefined {
  try {
    const value = JSON.parse(message) as Partial<Record<keyof CaseEvent, unknown>>;
    if (
      typeof value.caseId === 'string' &&
      (typeof value.teamId === 'string' || value.teamId === null) &&
      typeof value.kind === 'string' &&
      kinds.has(value.kind) &&
      typeof value.at === 'string'
    ) {
      return { caseId: value.caseId, teamId: value.teamId, kind: value.kind as CaseEventKind, at: value.at };
    }
  } catch {
    // A foreign message on the channel: ignore it.
  }
  return undefined;
}
