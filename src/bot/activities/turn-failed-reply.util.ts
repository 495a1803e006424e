import { botText } from '../bot-texts';
import { interviewLocaleOf } from '../interview-runner.service';

/**
 * What a channel's onTurnError tells the family. The failed turn may not have read the state, so
 * the language comes from the activity's own locale (Web Chat sends it with every message and the
 * widget's language switcher restarts Web Chat with the new one). German is added below another
 * language, so a Kümmerer helping the family can read it too.
 */
export function turnFailedReply(activityLocale: string | undefined): string {
  const locale = interviewLocaleOf(activityLocale);
  const german = botText('turnFailed', 'de');
  return locale === 'de' ? german : `${botText('turnFailed', locale)}\n\n${german}`;
}
