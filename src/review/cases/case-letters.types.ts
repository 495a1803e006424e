import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';

/** A letter's background reading, for scripts and the workspace (German text for the Kümmerer). */
export interface LetterReadingView {
  /** 'pending' ("Wird gelesen …"), 'done' (analysis stored) or 'failed' (see `failure`). */
  state: 'pending' | 'done' | 'failed';
  /** German, for the Kümmerer: "Wird gelesen …", or "Der Brief konnte nicht gelesen werden: …". */
  message: string | null;
  failure: { code: string; mayReadAgain: boolean } | null;
  /** When done: what the letter engine read. */
  analysis: LetterAnalysis | null;
  /** When done: the plain-language explanation (German: the Kümmerer reads it). */
  explanation: string | null;
  /** The case's nearest deadline now (after this letter, when it was read). */
  caseDeadline: string | null;
}
