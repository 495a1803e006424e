// Domain errors of the bot module. The bot maps them to plain messages; nothing here is an HTTP error.

export type BotErrorCode =
  | 'BOT_STATE_ETAG_CONFLICT'
  | 'RESUME_CODE_INVALID'
  | 'RESUME_CODE_LOCKED'
  | 'RESUME_CODE_EXPIRED'
  | 'CONVERSATION_REFERENCE_MISSING'
  | 'CONVERSATION_GATEWAY_MISSING';

export class BotError extends Error {
  constructor(
    readonly code: BotErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BotError';
  }
}

/** Another turn changed the stored item since it was read (botbuilder's optimistic concurrency). */
export class StateConflictError extends BotError {
  constructor(readonly key: string) {
    // botbuilder's own storages word it the same way; the key is a channel/conversation id, no personal data.
    super('BOT_STATE_ETAG_CONFLICT', `Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StateConflictError';
  }
}
