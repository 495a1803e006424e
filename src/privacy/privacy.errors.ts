export type PrivacyErrorCode = 'KEY_MISSING' | 'KEY_INVALID' | 'CIPHERTEXT_INVALID';

export class PrivacyError extends Error {
  constructor(
    readonly code: PrivacyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PrivacyError';
  }
}
