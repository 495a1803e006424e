/** "Conversation X has a new activity at watermark N": the only thing instances tell each other. */
export interface ActivityEvent {
  conversationId: string;
  watermark: number;
}

export type ActivityListener = (event: ActivityEvent) => void;

/**
 * Fan-out of new-activity events to open streams. The activities themselves are always read from
 * the database, so an event that arrives twice or late costs a query, never a wrong message.
 */
export interface ActivityBus {
  publish(event: ActivityEvent): Promise<void>;
  /** Returns the function that ends the subscription. */
  subscribe(conversationId: string, listener: ActivityListener): () => void;
  close(): Promise<void>;
}

export const ACTIVITY_BUS = Symbol('ACTIVITY_BUS');
