// Domain errors of the PDF module. Services throw these; HTTP and bot layers map them to messages.
export type PdfErrorCode =
  | 'PDF_UNREADABLE'
  | 'PDF_PASSWORD_REQUIRED'
  | 'PDF_NO_FORM'
  | 'TEMPLATE_NOT_INSTALLED'
  | 'TEMPLATE_HASH_MISMATCH'
  | 'FIELD_NOT_FOUND'
  | 'FIELD_TYPE_MISMATCH'
  | 'FIELD_VALUE_TOO_LONG'
  | 'RADIO_OPTION_NOT_FOUND';

export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}
