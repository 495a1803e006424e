import { AnswerErrorCode } from '../../forms/answers/answer-messages';
import { InterviewLocale } from '../interview-state.types';
import { localized } from './index';
import { VALIDATION_MESSAGES } from './validation-messages';

// The limit is the only number or date in a message of src/forms ("mindestens 3 Zeichen", "am 01.01.2000").
const LIMIT = /\d[\d.,]*\d|\d/;

/** Why an answer was refused, in the family's language: our own table for tr/ar/uk/ru, src/forms for de/en. */
export function validationText(
  locale: InterviewLocale,
  problem: { validation: { de: string; en: string }; code?: AnswerErrorCode },
): string {
  const own =
    locale === 'de' || locale === 'en' || problem.code === undefined
      ? undefined
      : VALIDATION_MESSAGES[locale][problem.code];
  if (own === undefined) {
    return localized(locale, problem.validation);
  }
  return own.replace('{limit}', LIMIT.exec(problem.validation.de)?.[0] ?? '');
}
