import type { Activity } from 'botbuilder';
import type { InterviewLocale, PendingProposal } from '../../interview/interview-state.types';

/**
 * What the chat says about a letter once it is read (or could not be read), handed to the bot's
 * turn. The text is made there, in the chat's language at that moment: the family may have
 * switched it while the letter was being read.
 */
export interface LetterReply {
  /** The explanation (or why the letter was not read) in `locale`. */
  text(locale: InterviewLocale): Promise<string>;
  /** The chat's language at the upload; used when the conversation holds no interview any more. */
  uploadLocale: InterviewLocale;
  /** Values for the application found in the letter. */
  proposals: readonly PendingProposal[];
}

/** A plain message about a letter, with its language and direction. */
export function letterActivity(text: string, locale: InterviewLocale): Partial<Activity> {
  const direction = locale === 'ar' ? 'rtl' : 'ltr';
  return {
    type: 'message',
    text,
    textFormat: 'plain',
    locale,
    channelData: { direction, kind: 'letter' },
    entities: [{ type: 'textDirection', direction, locale }],
  };
}
