import type {
  LetterAnalysis,
  LetterRecipient,
  LetterReferences,
} from '../../documents/analysis/letter-analysis.types';

/**
 * The names a question's `letterFields` may use: the paths of the letter analysis
 * (docs/letter-analysis.md) that can answer an interview question. Three are derived from one
 * analysis value because the interview asks in parts: `recipient.firstName` and
 * `recipient.lastName` split `recipient.name` at its last space, `recipient.houseNumber` is the
 * number at the end of `recipient.street` (and `recipient.streetName` the rest).
 */
export const LETTER_FIELDS = [
  'references.kindergeldNummer',
  'references.bgNummer',
  'references.kundennummer',
  'references.aktenzeichen',
  'references.steuerId',
  'iban',
  'recipient.name',
  'recipient.firstName',
  'recipient.lastName',
  'recipient.street',
  'recipient.streetName',
  'recipient.houseNumber',
  'recipient.postalCode',
  'recipient.city',
  'letterDate',
  'deadline.date',
  'validUntil',
  'appointment',
] as const satisfies readonly (
  | `references.${keyof LetterReferences}`
  | `recipient.${keyof LetterRecipient | 'firstName' | 'lastName' | 'streetName' | 'houseNumber'}`
  | Extract<keyof LetterAnalysis, 'iban' | 'letterDate' | 'validUntil' | 'appointment'>
  | 'deadline.date'
)[];

export type LetterField = (typeof LETTER_FIELDS)[number];

export function isLetterField(name: string): name is LetterField {
  return (LETTER_FIELDS as readonly string[]).includes(name);
}
