import type { Found } from './found.types';
import type { LetterText } from './letter-text';
import { datePartsFromGroups, GERMAN_DATE_SOURCE, resolveDate } from './parse-german-date.util';

// "Datum: 02.11.2026", "Datum 2. November 2026"
const LABELLED = new RegExp(`\\bDatum\\s*:?\\s*${GERMAN_DATE_SOURCE}`, 'gi');
// "Essen, 02.11.2026", "Essen, den 2. November 2026" at the start of a line
const PLACE_AND_DATE = new RegExp(
  `^[A-ZÄÖÜ][\\p{L}.\\- ]{1,40},\\s*(?:den\\s+)?${GERMAN_DATE_SOURCE}\\s*$`,
  'gmu',
);
// A line that is only a date (the date line of DIN 5008 form letters)
const DATE_LINE = new RegExp(`^\\s*${GERMAN_DATE_SOURCE}\\s*$`, 'gm');

/** The letter's own date, from its "Datum" label, its place-and-date line, or a date line near the top. */
export function extractLetterDate(letter: LetterText, today: string): Found<string> | null {
  for (const pattern of [LABELLED, PLACE_AND_DATE]) {
    pattern.lastIndex = 0;
    const match = pattern.exec(letter.text);
    const found = match ? toFound(match, today) : null;
    if (found) {
      return found;
    }
  }
  DATE_LINE.lastIndex = 0;
  for (let match = DATE_LINE.exec(letter.text); match; match = DATE_LINE.exec(letter.text)) {
    if (isInUpperHalfOfFirstPage(letter, match.index)) {
      const found = toFound(match, today);
      if (found) {
        return found;
      }
    }
  }
  return null;
}

function toFound(match: RegExpExecArray, today: string): Found<string> | null {
  const parts = match.groups ? datePartsFromGroups(match.groups) : null;
  // A letter date without a year is completed backwards: the letter was written before today.
  const value = parts
    ? resolveDate(parts.year === null ? { ...parts, year: Number(today.slice(0, 4)) } : parts, today)
    : null;
  if (!value) {
    return null;
  }
  const dateText = match[0].trim();
  const offset = match[0].indexOf(dateText);
  return { value, start: match.index + offset, end: match.index + offset + dateText.length };
}

function isInUpperHalfOfFirstPage(letter: LetterText, at: number): boolean {
  const word = letter.words.find((placed) => placed.start >= at);
  if (!word || word.page !== 1) {
    return false;
  }
  const size = letter.pageSizes.get(1);
  return size !== undefined && word.word.box[1] < size.height / 2;
}
