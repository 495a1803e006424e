import { Answers } from '../forms/definition/answers.types';
import { InterviewLocale } from './interview-state.types';
import { text } from './texts';

/** "Kind 2: Elif": the item's number and, once known, its first name (or name). */
export function itemTitle(answers: Answers, repeatId: string, item: number, locale: InterviewLocale): string {
  const items = answers[repeatId];
  const values = Array.isArray(items) ? items[item] : undefined;
  const name = values?.[`${repeatId}.firstName`] ?? values?.[`${repeatId}.name`];
  return typeof name === 'string' && name !== ''
    ? text(locale, 'itemLabelNamed', { n: item + 1, name })
    : text(locale, 'itemLabel', { n: item + 1 });
}
