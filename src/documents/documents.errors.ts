// Domain errors of uploaded documents. The bot turns the codes into plain messages.

export type DocumentsErrorCode =
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_TYPE_NOT_ALLOWED'
  | 'DOCUMENT_NOT_FOUND'
  /** Reading again was asked for a letter that was read (only a failed reading is repeated). */
  | 'DOCUMENT_ALREADY_READ';

export class DocumentsError extends Error {
  constructor(
    readonly code: DocumentsErrorCode,
    message: string,
    /** For DOCUMENT_TOO_LARGE: the limit in bytes, so the message can name it. */
    readonly limitBytes?: number,
  ) {
    super(message);
    this.name = 'DocumentsError';
  }
}
