import { AnswerProvenance, EngineEvent, InterviewLocale, PendingProposal } from '../../src/interview';

/**
 * A conversation written down: what the family says or taps, and what the bot must answer.
 * Channel-neutral, so the bot tests replay the same files through botbuilder's TestAdapter.
 *
 *   title: Verheiratet, ein Kind
 *   locale: de                      # start language
 *   today: "2025-11-20"             # fixed date for date rules
 *   steps:
 *     - bot: { says: ["Datenschutz"], buttons: ["Ja, einverstanden"] }   # first step: the greeting
 *     - user: "ja"                                                       # typed text
 *       bot: { says: ["Kindergeldnummer"], events: ["consent-accepted"] }
 *     - action: { action: answer, value: "true" }                        # a tapped button
 *       bot: { says: ["Wie ist Ihre Kindergeldnummer?"] }
 *     - letter:                                                          # values read from a letter
 *       - { path: bank.iban, value: "DE89…", source: { documentId: doc-1, page: 1 } }
 *       bot: { says: [] }       # checks what offerProposals says when the step has no user input
 */
export interface Transcript {
  title: string;
  locale: InterviewLocale;
  today: string;
  steps: TranscriptStep[];
}

export interface TranscriptStep {
  /** Proposals from a letter, added with offerProposals before this step's input (if any). */
  letter?: PendingProposal[];
  user?: string;
  action?: { action: string; value?: string };
  bot?: BotExpectation;
}

export interface BotExpectation {
  /** Each must be a substring of one of the turn's message texts. */
  says?: string[];
  /** None may be a substring of any of the turn's message texts. */
  notSays?: string[];
  /** Each must be the title of a suggested button of the turn. */
  buttons?: string[];
  /** Each event type must be reported in this turn. */
  events?: Array<EngineEvent['type']>;
  /** Answers (by answer path) the state holds after this turn; null means "no answer". */
  answers?: Record<string, string | number | boolean | null>;
  /** Who gave an answer: each listed key must equal the stored provenance's (e.g. source, documentId, page). */
  provenance?: Record<string, Partial<AnswerProvenance>>;
  /** Each must be a substring of the summary card (titles, labels and values). */
  summaryHas?: string[];
  summaryLacks?: string[];
  /** Message direction of the turn ("rtl" for Arabic). */
  direction?: 'ltr' | 'rtl';
  /** The progress hint of the last question, e.g. { current: 1 }. */
  progress?: { current?: number; total?: number };
}
