// Domain errors of reading an uploaded document (type, limits, damage). The bot and the API turn the
// code into a message for the family (document-intake-messages.util.ts); never an HTTP error here.

export type DocumentIntakeErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'HEIC_NOT_SUPPORTED'
  | 'TOO_MANY_PAGES'
  | 'IMAGE_TOO_LARGE'
  | 'PAGE_TOO_LARGE'
  | 'PDF_ENCRYPTED'
  | 'FILE_DAMAGED'
  | 'PROCESSING_TIMEOUT';

export interface DocumentIntakeErrorDetails {
  /** The limit that was exceeded (bytes, pages, pixels, milliseconds), so a message can name it. */
  limit?: number;
  /** What the file had, when known without reading all of it. */
  actual?: number;
}

export class DocumentIntakeError extends Error {
  constructor(
    readonly code: DocumentIntakeErrorCode,
    message: string,
    readonly details: DocumentIntakeErrorDetails = {},
  ) {
    super(message);
    this.name = 'DocumentIntakeError';
  }
}
