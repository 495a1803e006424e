import { Activity, MessageFactory } from 'botbuilder';
import { InterviewLocale } from '../../interview/interview-state.types';
import { BotTextKey, botText } from '../bot-texts';

/** A plain-text reply with one of the bot's own texts, in the family's language and direction. */
export function plainReply(
  key: BotTextKey,
  locale: InterviewLocale,
  values?: Record<string, string | number>,
): Partial<Activity> {
  const activity = MessageFactory.text(botText(key, locale, values));
  activity.textFormat = 'plain';
  activity.locale = locale;
  const direction = locale === 'ar' ? 'rtl' : 'ltr';
  activity.channelData = { direction, kind: 'info' };
  activity.entities = [{ type: 'textDirection', direction, locale }];
  return activity;
}
