import { LocalizedText } from '../definition/localized-text.types';

// What a family reads when an answer does not fit: plain German first, short sentences.
export type AnswerErrorCode =
  | 'REQUIRED'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'PATTERN'
  | 'NOT_A_DATE'
  | 'DATE_IN_FUTURE'
  | 'DATE_IN_PAST'
  | 'DATE_TOO_EARLY'
  | 'DATE_TOO_LATE'
  | 'NOT_YES_NO'
  | 'NOT_AN_OPTION'
  | 'NOT_A_NUMBER'
  | 'NOT_WHOLE_NUMBER'
  | 'NUMBER_TOO_SMALL'
  | 'NUMBER_TOO_LARGE'
  | 'TOO_MANY_DECIMALS'
  | 'INVALID_IBAN'
  | 'INVALID_TAX_ID'
  | 'INVALID_POSTAL_CODE'
  | 'INVALID_PHONE'
  | 'INVALID_EMAIL'
  | 'NOT_A_LIST'
  | 'TOO_FEW_ITEMS'
  | 'TOO_MANY_ITEMS';

type Message = (limit: string) => LocalizedText & { en: string };

export const ANSWER_MESSAGES: Record<AnswerErrorCode, Message> = {
  REQUIRED: () => ({ de: 'Bitte beantworten Sie diese Frage.', en: 'Please answer this question.' }),
  TOO_SHORT: (n) => ({
    de: `Bitte schreiben Sie mindestens ${n} Zeichen.`,
    en: `Please write at least ${n} characters.`,
  }),
  TOO_LONG: (n) => ({
    de: `Bitte schreiben Sie höchstens ${n} Zeichen.`,
    en: `Please write at most ${n} characters.`,
  }),
  PATTERN: () => ({
    de: 'Die Angabe hat nicht die richtige Form. Bitte prüfen Sie sie.',
    en: 'The answer does not have the right form. Please check it.',
  }),
  NOT_A_DATE: () => ({
    de: 'Bitte geben Sie ein Datum an, zum Beispiel 03.05.2010.',
    en: 'Please give a date, for example 03.05.2010.',
  }),
  DATE_IN_FUTURE: () => ({
    de: 'Das Datum liegt in der Zukunft. Bitte prüfen Sie es.',
    en: 'The date is in the future. Please check it.',
  }),
  DATE_IN_PAST: () => ({
    de: 'Das Datum liegt in der Vergangenheit. Bitte prüfen Sie es.',
    en: 'The date is in the past. Please check it.',
  }),
  DATE_TOO_EARLY: (date) => ({
    de: `Das Datum muss am ${date} oder später sein.`,
    en: `The date must be on or after ${date}.`,
  }),
  DATE_TOO_LATE: (date) => ({
    de: `Das Datum muss am ${date} oder früher sein.`,
    en: `The date must be on or before ${date}.`,
  }),
  NOT_YES_NO: () => ({ de: 'Bitte antworten Sie mit Ja oder Nein.', en: 'Please answer yes or no.' }),
  NOT_AN_OPTION: () => ({
    de: 'Bitte wählen Sie eine der Möglichkeiten.',
    en: 'Please choose one of the options.',
  }),
  NOT_A_NUMBER: () => ({ de: 'Bitte geben Sie eine Zahl an.', en: 'Please give a number.' }),
  NOT_WHOLE_NUMBER: () => ({
    de: 'Bitte geben Sie eine ganze Zahl an, ohne Komma.',
    en: 'Please give a whole number.',
  }),
  NUMBER_TOO_SMALL: (n) => ({
    de: `Die Zahl muss mindestens ${n} sein.`,
    en: `The number must be at least ${n}.`,
  }),
  NUMBER_TOO_LARGE: (n) => ({
    de: `Die Zahl darf höchstens ${n} sein.`,
    en: `The number must be at most ${n}.`,
  }),
  TOO_MANY_DECIMALS: () => ({
    de: 'Bitte geben Sie den Betrag mit höchstens 2 Stellen nach dem Komma an.',
    en: 'Please give the amount with at most 2 decimal places.',
  }),
  INVALID_IBAN: () => ({
    de: 'Die IBAN stimmt nicht. Bitte prüfen Sie die Zahlen.',
    en: 'The IBAN is not correct. Please check the numbers.',
  }),
  INVALID_TAX_ID: () => ({
    de: 'Diese Steuer-ID kann nicht stimmen. Bitte prüfen Sie alle 11 Ziffern einzeln.',
    en: 'This tax ID cannot be right. Please check each of the 11 digits.',
  }),
  INVALID_POSTAL_CODE: () => ({
    de: 'Die Postleitzahl stimmt nicht. Sie hat 5 Ziffern.',
    en: 'The postcode is not correct. It has 5 digits.',
  }),
  INVALID_PHONE: () => ({
    de: 'Die Telefonnummer stimmt nicht. Bitte prüfen Sie die Nummer.',
    en: 'The phone number is not correct. Please check it.',
  }),
  INVALID_EMAIL: () => ({
    de: 'Die E-Mail-Adresse stimmt nicht. Bitte prüfen Sie sie.',
    en: 'The e-mail address is not correct. Please check it.',
  }),
  NOT_A_LIST: () => ({
    de: 'Bitte geben Sie die Angaben einzeln an.',
    en: 'Please give the entries one by one.',
  }),
  TOO_FEW_ITEMS: (n) => ({ de: `Bitte geben Sie mindestens ${n} an.`, en: `Please give at least ${n}.` }),
  TOO_MANY_ITEMS: (n) => ({ de: `Hier passen höchstens ${n}.`, en: `At most ${n} fit here.` }),
};
