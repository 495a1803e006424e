import type { Found } from './found.types';
import type { LetterText } from './letter-text';
import { datePartsFromGroups, GERMAN_DATE_SOURCE, resolveDate } from './parse-german-date.util';

// "Bewilligungszeitraum: 01.01.2026 bis 31.12.2026", "bewilligt bis 31.07.2027",
// "Ihr Bewilligungszeitraum endet am 31.01.2027"; the gap may not cross a sentence end.
const VALID_UNTIL = new RegExp(
  `(?:Bewilligungszeitraum|Bewilligungsabschnitt|Leistungszeitraum|bewilligt|bewilligen)(?:(?![.!?]\\s)[\\s\\S]){0,80}?\\b(?:bis|endet\\s+am)\\s+(?:einschlie(?:ß|ss)lich\\s+|zum\\s+)?${GERMAN_DATE_SOURCE}`,
  'gi',
);

/** The last day of the period the benefit is granted for. */
export function extractValidUntil(letter: LetterText, reference: string): Found<string> | null {
  VALID_UNTIL.lastIndex = 0;
  for (let match = VALID_UNTIL.exec(letter.text); match; match = VALID_UNTIL.exec(letter.text)) {
    const parts = match.groups ? datePartsFromGroups(match.groups) : null;
    const value = parts ? resolveDate(parts, reference) : null;
    if (value) {
      return { value, start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}
