import { LocalizedText } from '../forms/definition/localized-text.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { InterviewLocale } from './interview-state.types';
import { localized } from './texts';

/**
 * The short name of a question for the summary and letter read-backs: "Familienname", "Last name".
 * German comes from `label.de` or `pdfLabel`; a language without a short label reads the question text.
 */
export function shortLabel(question: QuestionDefinition, locale: InterviewLocale): string {
  const german = question.label?.de ?? question.pdfLabel;
  if (german === undefined) {
    return localized(locale, question.text);
  }
  const short: LocalizedText = { ...question.label, de: german };
  if (locale !== 'de' && short[locale] === undefined && short.en === undefined) {
    return localized(locale, question.text);
  }
  return localized(locale, short);
}
