import { Answers, AnswerValue } from '../forms/definition/answers.types';

/** Bumped when the stored shape changes; the bot migrates or restarts older states. */
export const INTERVIEW_STATE_VERSION = 1;

export const INTERVIEW_LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type InterviewLocale = (typeof INTERVIEW_LOCALES)[number];

/**
 * Where the dialogue stands:
 * - consent: the privacy notice waits for a yes or no; nothing personal is asked before.
 * - asking: the question at `pointer` waits for an answer.
 * - editing: like asking, but the question already has an answer (after `back` or a change).
 * - confirming-proposal: "Ihre Kindergeldnummer ist … – stimmt das?" for a value found in a letter.
 * - confirming-guess: "Meinten Sie »verheiratet«?" for a choice matched only by a prefix or a typo.
 * - confirming-remove: "Kind 2: Can wirklich entfernen?"; `pointer` is { questionId: group id, item }.
 * - another-item: "Haben Sie noch ein Kind?" after an item of a repeat group.
 * - choosing-language: the language buttons are shown.
 * - summary: the review of all answers waits for "abschicken" or a change.
 * - confirming-cancel / confirming-restart: "Wirklich abbrechen?".
 * - paused, cancelled, declined (consent refused), submitted: the conversation rests or has ended.
 */
export type InterviewPhase =
  | 'consent'
  | 'asking'
  | 'editing'
  | 'confirming-proposal'
  | 'confirming-guess'
  | 'confirming-remove'
  | 'another-item'
  | 'choosing-language'
  | 'summary'
  | 'confirming-cancel'
  | 'confirming-restart'
  | 'paused'
  | 'cancelled'
  | 'declined'
  | 'submitted';

/** Phases in which the chat waits for an answer to something it asked (a question or the summary). */
export const QUESTION_PHASES: ReadonlySet<InterviewPhase> = new Set<InterviewPhase>([
  'asking',
  'editing',
  'confirming-proposal',
  'confirming-guess',
  'another-item',
  'summary',
]);

/**
 * The question being asked. `item` is the 0-based item of a repeat group (the child) for questions
 * with a repeat id, else null. For the phase `another-item`, `questionId` is the repeat group's id.
 */
export interface QuestionPointer {
  questionId: string;
  item: number | null;
}

/** Who gave a value: the family in the chat, a letter read by OCR (confirmed by the family), or the Kümmerer. */
export interface AnswerProvenance {
  source: 'family' | 'letter' | 'kuemmerer';
  /** ISO time the value was accepted. */
  at: string;
  documentId?: string;
  page?: number;
  /** Where on the page: PDF points for PDF letters (scanned or not), pixels for photos (toLetterBox). */
  box?: { x: number; y: number; width: number; height: number };
  confidence?: number;
}

/** Where a value found in a letter came from. */
export interface ProposalSource {
  documentId: string;
  page?: number;
  box?: { x: number; y: number; width: number; height: number };
  confidence?: number;
}

/** A value found in a letter, waiting until the engine reaches its question and the family confirms it. */
export interface PendingProposal {
  /** Answer path, see answer-path.util.ts: "applicant.kindergeldNumber" or "children[0].children.taxId". */
  path: string;
  value: AnswerValue;
  source: ProposalSource;
}

/** A wish to talk to a person, or anything else the Kümmerer should read. */
export interface KuemmererNote {
  at: string;
  text: string;
  /** The answer path being asked when the note was made, if any. */
  path?: string;
}

/** Everything the engine knows about one conversation. Plain JSON: the bot stores it after every turn. */
export interface InterviewState {
  version: typeof INTERVIEW_STATE_VERSION;
  applicationId: string;
  locale: InterviewLocale;
  phase: InterviewPhase;
  /** The phase to return to after pause, language choice or a cancel/restart that was not confirmed. */
  resumePhase: InterviewPhase | null;
  /**
   * Every accepted answer (the shape of src/forms/definition/answers.types.ts). Answers that a later
   * change made irrelevant stay here (nothing is lost) but are left out of the summary and the submission.
   * An optional question that was skipped holds null.
   */
  answers: Answers;
  /** Answer path -> who gave the value and when. */
  provenance: { [path: string]: AnswerProvenance };
  /** Answer paths the family marked "Ich weiß es nicht": the Kümmerer clarifies them. */
  unknown: string[];
  /** The question (or repeat group, in `another-item`) being asked; null before and after the questions. */
  pointer: QuestionPointer | null;
  /** Questions answered before, most recent last; `back` returns to the last one. */
  history: QuestionPointer[];
  /** Failed attempts at the current question; from 3 on "Ich weiß es nicht" is offered. */
  failures: number;
  /** Repeat groups (by id) for which the family said there are no further items. */
  completedGroups: string[];
  proposals: PendingProposal[];
  /** The privacy notice version accepted, null until accepted. */
  consentVersion: string | null;
  notes: KuemmererNote[];
  /** In `confirming-guess`: the value understood and the phase to return to. Absent in older states. */
  guess?: { value: AnswerValue; phase: 'asking' | 'editing' } | null;
  /**
   * While a letter's values for questions already answered are offered (right after the letter):
   * what the chat was asking when the letter came, asked again once they are settled. Absent in
   * older states.
   */
  afterLetter?: LetterInterruption | null;
}

/** Where the chat stood when a letter's values came in between (see InterviewState.afterLetter). */
export interface LetterInterruption {
  phase: InterviewPhase;
  pointer: QuestionPointer | null;
  guess: InterviewState['guess'];
}
