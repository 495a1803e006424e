import { Answers } from '../forms/definition/answers.types';
import { InterviewLocale, InterviewState } from './interview-state.types';

/** A typed message, or a button payload (`suggestions[].value` sent back as an action). */
export type UserInput = { type: 'text'; text: string } | { type: 'action'; action: string; value?: string };

/**
 * Actions the engine understands (button payloads). Everything a button does can also be typed.
 * - consent: value "accept" | "refuse"
 * - answer: value is the answer as text ("true"/"false" for yes/no, the option value for choices)
 * - yes / no: for proposals, "noch ein Kind?", confirmations
 * - dont-know, skip, back, help, pause, cancel, restart, summary, human (value: the text)
 * - resume: the conversation continues with a resume code: ends a pause silently and asks again
 *   what the chat waits for (the bot says the welcome)
 * - language: value is a locale ("tr"); without value the language buttons are shown
 * - keep: back at an answered question, go on with the stored answer; for a letter's value that
 *   differs from the answer, keep the answer
 * - change: value is an answer path from the summary ("children[1].children.birthDate")
 * - submit: from the summary
 * - add-item: value is a repeat group id ("children"): from the summary, ask one more item's questions
 * - remove-item: value is an item ("children[1]"): from the summary, after a yes/no confirmation
 */
export type EngineAction =
  | 'consent'
  | 'answer'
  | 'yes'
  | 'no'
  | 'dont-know'
  | 'skip'
  | 'back'
  | 'help'
  | 'pause'
  | 'resume'
  | 'cancel'
  | 'restart'
  | 'summary'
  | 'human'
  | 'language'
  | 'keep'
  | 'change'
  | 'submit'
  | 'add-item'
  | 'remove-item';

export interface Suggestion {
  /** The button title in the user's language. */
  title: string;
  /** What the button sends back: `{ type: 'action', action, value }`. */
  action: EngineAction;
  value?: string;
}

export interface SummaryItem {
  /** Answer path; change it with `{ type: 'action', action: 'change', value: path }`. */
  path: string;
  label: string;
  /** The answer as the family reads it: dates TT.MM.JJJJ, choices by label, "Ja"/"Nein". */
  value: string;
  change: Suggestion;
}

export interface SummaryGroup {
  /** Section title, or "Kind 1: Elif" for the answers of one item of a repeat group. */
  title: string;
  items: SummaryItem[];
  /** Buttons for the whole group, e.g. "Kind 2: Can entfernen" (action remove-item). */
  actions?: Suggestion[];
}

export interface BotMessage {
  text: string;
  locale: InterviewLocale;
  direction: 'ltr' | 'rtl';
  kind: 'question' | 'help' | 'error' | 'info' | 'summary' | 'confirm';
  suggestions?: Suggestion[];
  /** "Frage 7 von etwa 25": current is 1-based; total counts the questions active right now. */
  progress?: { current: number; total: number };
  /** Only on kind 'summary': the answers grouped for a card. */
  summary?: SummaryGroup[];
}

export type EngineEvent =
  | { type: 'consent-accepted'; version: string }
  | { type: 'consent-refused' }
  | { type: 'submitted'; answers: Answers; unknown: string[] }
  | { type: 'human-requested'; text: string }
  | { type: 'paused' }
  | { type: 'cancelled' }
  | { type: 'language-changed'; locale: InterviewLocale }
  | { type: 'answer-marked-unknown'; path: string };

export interface EngineResult {
  state: InterviewState;
  messages: BotMessage[];
  events: EngineEvent[];
}

export interface EngineOptions {
  /** Today in Germany as YYYY-MM-DD (dates, `today-18y` rules). */
  today: string;
  /** Now as an ISO time (provenance, notes). */
  now: string;
}

export interface StartOptions extends EngineOptions {
  locale: InterviewLocale;
}
