import type { Activity } from 'botbuilder';
import { INTERVIEW_LOCALES, InterviewLocale } from '../../interview/interview-state.types';

/**
 * The event the web widget sends when the family picks another language in its switcher (Web Chat
 * is restarted in that locale; the conversation goes on). Web Chat alone only sends the locale with
 * the next message, and a locale sent with every message cannot tell a choice from the browser's
 * default, so the choice is said explicitly.
 */
export const languageEventName = 'antragslotse/language';

/** The language the event asks for, or null for any other activity or a language the bot does not speak. */
export function readLanguageEvent(activity: Partial<Activity>): InterviewLocale | null {
  if (
    activity.type !== 'event' ||
    activity.name !== languageEventName ||
    typeof activity.value !== 'string'
  ) {
    return null;
  }
  const code = activity.value.slice(0, 2).toLowerCase();
  return INTERVIEW_LOCALES.find((locale) => locale === code) ?? null;
}
