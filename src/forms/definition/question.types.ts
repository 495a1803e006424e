import { LocalizedText } from './localized-text.types';
import { PdfMapping } from './pdf-mapping.types';

export const QUESTION_TYPES = [
  'text',
  'date',
  'yesno',
  'choice',
  'number',
  'money',
  'iban',
  'taxId',
  'postalCode',
  'phone',
  'email',
  'repeat',
] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
  /** What is written into a text field instead of the German label. */
  pdfValue?: string;
}

/**
 * Rules per type (see docs/form-definitions.md). Dates take YYYY-MM-DD or relative dates:
 * `today`, `today-18y`, `today+3m`, `today-14d`.
 */
export interface ValidationRules {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  min?: number | string;
  max?: number | string;
  integer?: boolean;
  notInFuture?: boolean;
  notInPast?: boolean;
}

export interface QuestionDefinition {
  /** Stable and unique in the application; items of a repeat group are "<repeatId>.<name>". */
  id: string;
  type: QuestionType;
  text: LocalizedText;
  help?: LocalizedText;
  examples?: string[];
  /** Default true. */
  required: boolean;
  /** Condition; when false the question is not asked and fills nothing. */
  when?: string;
  validation?: ValidationRules;
  options?: ChoiceOption[];
  /** Questions asked for each item of a repeat group. */
  questions?: QuestionDefinition[];
  /** Which letter-analysis values may propose an answer. */
  letterFields?: string[];
  /** Short German label for the addendum and the answer summary, e.g. "Vorname". */
  pdfLabel?: string;
  /**
   * Short label in the chat's answer summary per language, e.g. { en: "Last name" }; German defaults
   * to pdfLabel when the definition leaves it out (the loader fills it in).
   */
  label?: LocalizedText;
  /** How a value found in a letter is read back, with {value}: "Ihre IBAN ist {value}". */
  confirmText?: LocalizedText;
  pdf?: PdfMapping;
}
