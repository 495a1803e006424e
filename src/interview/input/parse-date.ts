import { expandTwoDigitYear, formatIsoDate, isValidDate, MAX_YEAR, MIN_YEAR } from './calendar';
import { findMonth } from './month-names';
import { lowerCaseText, removeDiacritics, tidyText, toAsciiDigits } from './normalize-text';

/**
 * Why a text is no date: not a date at all, a date that does not exist (31.02.2010), one that can be
 * read two ways (5/13/2010, "Ma" for März or Mai), or one that lacks the day or the year.
 */
export type DateParseFailure = 'not-a-date' | 'invalid-date' | 'ambiguous' | 'incomplete';

export type DateParseResult = { ok: true; value: string } | { ok: false; reason: DateParseFailure };

export interface DateParseOptions {
  /** Reference date for two-digit years, `YYYY-MM-DD` or a Date; default: now. */
  today?: string | Date;
  /** The question wants month and year only ("05.2010", "Mai 2010"); the value is the 1st of that month. */
  monthOnly?: boolean;
}

type Token = { kind: 'number'; text: string } | { kind: 'month'; month: number | 'ambiguous' };
// The day is optional only for month-only questions; `swappable` marks all-number dates that a person
// may have typed month first (US order).
type DateParts = { year: string; month: string | number; day?: string; swappable?: boolean };

// Filler words around dates: "am 3. Mai", "the 3rd of May", "3 мая 2010 г.", "3 травня 2010 р.",
// "geb. 3.5.2010", "Montag, 3. Mai 2010".
// prettier-ignore
const FILLER = new Set(['am', 'den', 'der', 'im', 'vom', 'seit', 'ab', 'the', 'of', 'on', 'in', 'since',
  'st', 'nd', 'rd', 'th', 'г', 'года', 'год', 'го', 'р', 'року', 'рік', 'yili', 'yil', 'geboren', 'geb', 'born',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Reads a date the way people type it and returns it as `YYYY-MM-DD`. Never uses Date to parse text. */
export function parseDate(input: string, options: DateParseOptions = {}): DateParseResult {
  const tokens = tokenize(input);
  if (tokens === null) {
    return { ok: false, reason: 'not-a-date' };
  }
  const months = tokens.filter((token) => token.kind === 'month');
  if (months.length > 1) {
    return { ok: false, reason: 'not-a-date' };
  }
  const monthOnly = options.monthOnly ?? false;
  const parts =
    months.length === 1 ? partsAroundMonth(tokens, monthOnly) : partsFromNumbers(tokens, monthOnly);
  return typeof parts === 'string' ? { ok: false, reason: parts } : complete(parts, options);
}

function tokenize(input: string): Token[] | null {
  const prepared = removeDiacritics(lowerCaseText(toAsciiDigits(tidyText(input))));
  const words = prepared.match(/\d+|\p{L}+/gu) ?? [];
  const tokens: Token[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (/^\d+$/.test(word)) {
      tokens.push({ kind: 'number', text: word });
      continue;
    }
    if (FILLER.has(word)) {
      continue;
    }
    // Arabic month names may have two words ("تشرين الأول").
    const twoWords = index + 1 < words.length ? findMonth(`${word} ${words[index + 1]}`) : null;
    if (typeof twoWords === 'number') {
      tokens.push({ kind: 'month', month: twoWords });
      index++;
      continue;
    }
    const month = findMonth(word);
    if (month === null) {
      return null;
    }
    tokens.push({ kind: 'month', month });
  }
  return tokens;
}

function partsFromNumbers(tokens: Token[], monthOnly: boolean): DateParts | DateParseFailure {
  const numbers = tokens.map((token) => (token.kind === 'number' ? token.text : ''));
  if (numbers.length === 3) {
    const [first, second, third] = numbers;
    if (first.length === 4) {
      return { year: first, month: second, day: third };
    }
    return { day: first, month: second, year: third, swappable: true };
  }
  if (numbers.length === 2) {
    const [first, second] = numbers;
    if (first.length === 4 && second.length <= 2) {
      return monthOnly ? { year: first, month: second } : 'incomplete';
    }
    if (first.length <= 2 && (second.length === 4 || second.length === 2)) {
      return monthOnly ? { month: first, year: second } : 'incomplete';
    }
    if (first.length <= 2 && second.length === 1) {
      return 'incomplete'; // "3.5." without the year
    }
    return 'not-a-date';
  }
  return numbers.length === 1 ? partsFromDigitRun(numbers[0], monthOnly) : 'not-a-date';
}

// Dates typed without separators: "03052010", "030510", "20100503"; "052010" when only the month counts.
function partsFromDigitRun(digits: string, monthOnly: boolean): DateParts | DateParseFailure {
  const plausibleYear = (text: string) => Number(text) >= MIN_YEAR && Number(text) <= MAX_YEAR;
  if (digits.length === 8) {
    return !plausibleYear(digits.slice(4)) && plausibleYear(digits.slice(0, 4))
      ? { year: digits.slice(0, 4), month: digits.slice(4, 6), day: digits.slice(6) }
      : { day: digits.slice(0, 2), month: digits.slice(2, 4), year: digits.slice(4) };
  }
  if (digits.length === 6) {
    return monthOnly && plausibleYear(digits.slice(2))
      ? { month: digits.slice(0, 2), year: digits.slice(2) }
      : { day: digits.slice(0, 2), month: digits.slice(2, 4), year: digits.slice(4) };
  }
  if (digits.length === 4) {
    return monthOnly && !plausibleYear(digits)
      ? { month: digits.slice(0, 2), year: digits.slice(2) }
      : 'incomplete';
  }
  return 'not-a-date';
}

function partsAroundMonth(tokens: Token[], monthOnly: boolean): DateParts | DateParseFailure {
  const at = tokens.findIndex((token) => token.kind === 'month');
  const monthToken = tokens[at];
  if (monthToken.kind !== 'month' || monthToken.month === 'ambiguous') {
    return 'ambiguous';
  }
  const month = monthToken.month;
  const text = (token: Token) => (token.kind === 'number' ? token.text : '');
  const before = tokens.slice(0, at).map(text);
  const after = tokens.slice(at + 1).map(text);
  const monthYear = (year: string): DateParts | DateParseFailure =>
    monthOnly ? { month, year } : 'incomplete';

  if (before.length === 1 && after.length === 1) {
    // "3. Mai 2010", or "2010 Mai 3" year first
    return before[0].length === 4
      ? { year: before[0], month, day: after[0] }
      : { day: before[0], month, year: after[0] };
  }
  if (before.length === 0 && after.length === 2) {
    return { month, day: after[0], year: after[1] }; // "May 3, 2010"
  }
  if (before.length === 0 && after.length === 1) {
    return monthYear(after[0]); // "Mai 2010"
  }
  if (before.length === 0 && after.length === 0) {
    return 'incomplete'; // "Mai"
  }
  if (before.length === 1 && after.length === 0) {
    return before[0].length === 4 ? monthYear(before[0]) : 'incomplete'; // "2010 Mai" or "3. Mai"
  }
  return 'not-a-date';
}

function complete(parts: DateParts, options: DateParseOptions): DateParseResult {
  if (parts.year.length > 4 || String(parts.month).length > 2 || (parts.day?.length ?? 0) > 2) {
    return { ok: false, reason: 'not-a-date' };
  }
  if (parts.year.length !== 2 && parts.year.length !== 4) {
    return { ok: false, reason: 'invalid-date' };
  }
  const year =
    parts.year.length === 2
      ? expandTwoDigitYear(Number(parts.year), todayYear(options.today))
      : Number(parts.year);
  const month = Number(parts.month);
  const day = parts.day === undefined ? 1 : Number(parts.day);
  if (!isValidDate(year, month, day)) {
    const swapped = parts.swappable === true && isValidDate(year, day, month);
    return { ok: false, reason: swapped ? 'ambiguous' : 'invalid-date' };
  }
  return { ok: true, value: formatIsoDate(year, month, options.monthOnly === true ? 1 : day) };
}

function todayYear(today: string | Date | undefined): number {
  if (typeof today === 'string') {
    return Number(today.slice(0, 4));
  }
  return (today ?? new Date()).getFullYear();
}
