// Domain errors of accounts and sessions. Services throw these; the HTTP filter maps codes to statuses.

export type AccountsErrorCode =
  | 'AUTH_LOGIN_FAILED'
  | 'AUTH_RATE_LIMITED'
  | 'AUTH_UNAUTHENTICATED'
  | 'AUTH_CSRF_INVALID'
  | 'AUTH_FORBIDDEN'
  | 'AUTH_CONTENT_TYPE'
  | 'PASSWORD_REJECTED'
  | 'PASSWORD_WRONG'
  | 'USER_NOT_FOUND'
  | 'USER_LOGIN_TAKEN'
  | 'USER_TEAM_REQUIRED'
  | 'TEAM_NOT_FOUND'
  | 'TEAM_NAME_TAKEN'
  | 'TEAM_NAME_INVALID'
  | 'SCOPED_RESOURCE_NOT_FOUND';

export class AccountsError extends Error {
  constructor(
    readonly code: AccountsErrorCode,
    message: string,
    /** Plain-language reasons a person can act on (password rules), German first. */
    readonly reasons: readonly string[] = [],
  ) {
    super(message);
    this.name = 'AccountsError';
  }
}
