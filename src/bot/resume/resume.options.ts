export interface ResumeOptions {
  /** Days a code stays valid. */
  ttlDays: number;
  /** Wrong tries (code unknown in one conversation, or wrong birth date for one code) before lockout. */
  maxAttempts: number;
}

export const RESUME_OPTIONS = Symbol('RESUME_OPTIONS');

/** The applicant's birth date (forms/kg1): the second factor next to a resume code. */
export const resumeBirthDateQuestion = 'applicant.birthDate';
