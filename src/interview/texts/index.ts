import { InterviewLocale } from '../interview-state.types';
import { ar } from './ar';
import { de, InterviewTexts, TextKey } from './de';
import { en } from './en';
import { ru } from './ru';
import { tr } from './tr';
import { uk } from './uk';

export type { TextKey, InterviewTexts } from './de';

export const TEXTS: Record<InterviewLocale, InterviewTexts> = { de, en, tr, ar, uk, ru };

/** Names of the languages in themselves, for the language buttons. */
export const LANGUAGE_TITLES: Record<InterviewLocale, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
};

/** A bot text with its placeholders ({n}) filled in. */
export function text(
  locale: InterviewLocale,
  key: TextKey,
  params: Record<string, string | number> = {},
): string {
  return TEXTS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Text from a definition or from src/forms: the text in the chat's own language when there is one
 * (the Kindergeld forms have de, en, tr, ar, uk and ru for every question, help, choice, section
 * title and short label). A text without it (a new form's first draft, a message from src/forms that
 * has only German and English) reads in German with the English in brackets, so a family and a
 * German-speaking helper both understand it.
 */
export function localized(
  locale: InterviewLocale,
  value: { de: string; en?: string; [language: string]: string | undefined },
): string {
  const own = value[locale];
  if (own !== undefined) {
    return own;
  }
  if (locale === 'en') {
    return value.en ?? value.de;
  }
  return value.en !== undefined && value.en !== value.de ? `${value.de} (${value.en})` : value.de;
}

export function directionOf(locale: InterviewLocale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
