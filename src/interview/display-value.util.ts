import { AnswerValue } from '../forms/definition/answers.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { formatDate, formatMoney, formatNumber } from '../forms/mapping/format-value.util';
import { InterviewLocale } from './interview-state.types';
import { localized, text } from './texts';

/** An answer as the family reads it: dates TT.MM.JJJJ, choices by label, yes/no in their language. */
export function displayValue(
  question: QuestionDefinition,
  value: AnswerValue | undefined,
  locale: InterviewLocale,
): string {
  if (value === undefined || value === null || value === '') {
    return text(locale, 'summarySkipped');
  }
  if (typeof value === 'boolean') {
    return text(locale, value ? 'yes' : 'no');
  }
  if (question.type === 'choice') {
    const option = question.options?.find((candidate) => candidate.value === value);
    return option ? localized(locale, option.label) : String(value); // eslint-disable-line @typescript-eslint/no-base-to-string -- answers are JSON primitives
  }
  if (question.type === 'date' && typeof value === 'string') {
    return formatDate(value);
  }
  // Groups of four, as printed on bank cards: easier to compare with one's own.
  if (question.type === 'iban' && typeof value === 'string') {
    return value.replace(/(.{4})(?=.)/g, '$1 ');
  }
  if (question.type === 'money' && typeof value === 'number') {
    return `${formatMoney(value)} €`;
  }
  if (typeof value === 'number') {
    return formatNumber(value);
  }
  if (Array.isArray(value)) {
    return String(value.length);
  }
  return value;
}
