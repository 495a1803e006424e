import { validIsoDate } from './iso-date.util';
import { foldText } from './fold-text.util';

const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  janner: 1,
  februar: 2,
  feb: 2,
  marz: 3,
  maerz: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
};

/**
 * A German date in text: "15.12.2026", "15.12.26", "15. Dezember 2026", "15. Dezember" (year missing).
 * Group names: numeric -> d, m, y; written month -> wd, wm, wy.
 */
export const GERMAN_DATE_SOURCE =
  '(?:(?<d>[0-3]?\\d)\\s?\\.\\s?(?<m>[01]?\\d)\\s?\\.\\s?(?<y>\\d{4}|\\d{2})(?!\\d)' +
  '|(?<wd>[0-3]?\\d)\\.?\\s+(?<wm>[A-Za-zÄÖÜäöü]{3,9})(?:\\.?\\s+(?<wy>\\d{4}))?)';

export interface DateParts {
  day: number;
  month: number;
  year: number | null;
}

export function datePartsFromGroups(groups: Record<string, string | undefined>): DateParts | null {
  if (groups.d !== undefined && groups.m !== undefined && groups.y !== undefined) {
    const year = groups.y.length === 2 ? 2000 + Number(groups.y) : Number(groups.y);
    return { day: Number(groups.d), month: Number(groups.m), year };
  }
  if (groups.wd !== undefined && groups.wm !== undefined) {
    const month = MONTHS[foldText(groups.wm)];
    if (!month) {
      return null;
    }
    return { day: Number(groups.wd), month, year: groups.wy !== undefined ? Number(groups.wy) : null };
  }
  return null;
}

/**
 * Completes a date without a year with the first such date on or after `reference` (the letter date
 * or today): a deadline in a letter lies after the letter was written.
 */
export function resolveDate(parts: DateParts, reference: string): string | null {
  if (parts.year !== null) {
    return validIsoDate(parts.year, parts.month, parts.day);
  }
  const referenceYear = Number(reference.slice(0, 4));
  for (const year of [referenceYear, referenceYear + 1]) {
    const candidate = validIsoDate(year, parts.month, parts.day);
    if (candidate && candidate >= reference) {
      return candidate;
    }
  }
  return null;
}

/** Parses one date found alone in a string ("15.12.2026"); null when there is none or it is impossible. */
export function parseGermanDate(text: string, reference: string): string | null {
  const match = new RegExp(GERMAN_DATE_SOURCE).exec(text);
  if (!match?.groups) {
    return null;
  }
  const parts = datePartsFromGroups(match.groups);
  return parts ? resolveDate(parts, reference) : null;
}
