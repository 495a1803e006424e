// Domain errors of cases. Services throw these; the HTTP filter and the bot map codes to messages.

export type CasesErrorCode = 'CASE_NOT_FOUND' | 'CASE_DOCUMENT_NOT_FOUND' | 'CASE_STATUS_INVALID';

export class CasesError extends Error {
  constructor(
    readonly code: CasesErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CasesError';
  }
}
