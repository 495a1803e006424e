/** What happened to a case; the workspace queue reloads the row (never trusts the event's data). */
export type CaseEventKind =
  | 'created'
  | 'family-message'
  | 'family-message-read'
  | 'status-changed'
  | 'assigned'
  | 'answer-changed'
  | 'note-added'
  | 'documents-changed';

/** Ids only: events may cross process boundaries (Redis), so they never carry personal data. */
export interface CaseEvent {
  caseId: string;
  teamId: string | null;
  kind: CaseEventKind;
  at: string;
}

export type CaseEventListener = (event: CaseEvent) => void;

/**
 * Fan-out of case events to open workspace pages (Server-Sent Events): in-process by default,
 * over Redis pub/sub with REDIS_URL (RedisCaseEventBus).
 */
export interface CaseEventBus {
  publish(event: CaseEvent): Promise<void>;
  /** Every event of every team; the subscriber filters by its TeamScope. Returns the unsubscribe function. */
  subscribe(listener: CaseEventListener): () => void;
  close(): Promise<void>;
}

export const CASE_EVENT_BUS = Symbol('CASE_EVENT_BUS');
