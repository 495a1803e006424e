import { InterviewLocale, InterviewState } from '../../interview/interview-state.types';

/** Everything the bot keeps per conversation (stored encrypted in bot_state after every turn). */
export interface ConversationData {
  interview?: InterviewState;
  /** Set once the submission became a case: later messages go to the case as family replies. */
  caseId?: string;
  /** Resume on another device: the code typed so far, waiting for the birth date. */
  resume?: { code?: string; failedAttempts: number };
  /** A resume code was shown (once the birth date was known); the next one comes on "Pause". */
  resumeCodeShown?: boolean;
}

/** Per user (channel user id): the language chosen last, for the next conversation. */
export interface UserProfile {
  locale?: InterviewLocale;
}
