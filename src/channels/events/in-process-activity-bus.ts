import { ActivityBus, ActivityEvent, ActivityListener } from './activity-bus.types';
import { ListenerRegistry } from './listener-registry.util';

/** The default for one process: listeners are called directly. */
export class InProcessActivityBus implements ActivityBus {
  private readonly registry = new ListenerRegistry();

  publish(event: ActivityEvent): Promise<void> {
    this.registry.dispatch(event);
    return Promise.resolve();
  }

  subscribe(conversationId: string, listener: ActivityListener): () => void {
    return this.registry.add(conversationId, listener);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
