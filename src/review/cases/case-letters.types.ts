import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import type { DocumentInfo } from '../../documents/documents.service';

/** What the upload answers at once (202), and the reading routes later: the letter and its reading. */
export interface CaseLetterReading {
  document: DocumentInfo;
  reading: LetterReadingView;
}

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
