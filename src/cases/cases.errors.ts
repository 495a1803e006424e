// Domain errors of cases. Services throw these; the HTTP filter and the bot map codes to messages.

export type CasesErrorCode =
  | 'CASE_NOT_FOUND'
  | 'CASE_DOCUMENT_NOT_FOUND'
  | 'CASE_STATUS_INVALID'
  | 'CASE_ANSWER_UNKNOWN'
  | 'CASE_ANSWER_INVALID'
  | 'CASE_ANSWERS_INCOMPLETE';

export class CasesError extends Error {
  constructor(
    readonly code: CasesErrorCode,
    message: string,
    /** Plain-language reasons (German, then English) a Kümmerer can act on. */
    readonly reasons: string[] = [],
  ) {
    super(message);
    this.name = 'CasesError';
  }
}
