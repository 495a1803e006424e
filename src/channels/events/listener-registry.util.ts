import { ActivityEvent, ActivityListener } from './activity-bus.types';

/** Listeners per conversation id, shared by both bus implementations. */
export class ListenerRegistry {
  private readonly listeners = new Map<string, Set<ActivityListener>>();

  add(conversationId: string, listener: ActivityListener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(conversationId);
      }
    };
  }

  dispatch(event: ActivityEvent): void {
    for (const listener of this.listeners.get(event.conversationId) ?? []) {
      listener(event);
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
