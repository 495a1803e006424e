import { CaseEvent, CaseEventBus, CaseEventListener } from './case-events.types';

/** The default for one process: listeners are called directly; one failing listener never stops the others. */
export class InProcessCaseEventBus implements CaseEventBus {
  private readonly listeners = new Set<CaseEventListener>();

  publish(event: CaseEvent): Promise<void> {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A closed stream; it unsubscribes itself on close.
      }
    }
    return Promise.resolve();
  }

  subscribe(listener: CaseEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }

  get size(): number {
    return this.listeners.size;
  }
}
