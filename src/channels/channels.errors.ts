export type ChannelErrorCode =
  | 'DIRECTLINE_UNAUTHORIZED'
  | 'DIRECTLINE_TOKEN_EXPIRED'
  | 'DIRECTLINE_FORBIDDEN'
  | 'DIRECTLINE_CONVERSATION_NOT_FOUND'
  | 'DIRECTLINE_ATTACHMENT_NOT_FOUND'
  | 'DIRECTLINE_ACTIVITY_INVALID'
  | 'DIRECTLINE_UPLOAD_TOO_LARGE'
  | 'DIRECTLINE_UPLOAD_EMPTY'
  | 'CHAT_TOKEN_RATE_LIMITED'
  | 'CHANNEL_KEY_MISSING';

/** Domain errors of the channels; the exception filter maps the codes to HTTP statuses. */
export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
