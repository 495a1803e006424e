// Calendar arithmetic done by hand: Date would silently roll 31.02. over into March.

/** Years accepted as plausible for an application: parents' and children's birth dates, recent events. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** 2010, 5, 3 -> "2010-05-03". */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Two-digit years as people mean them for birth dates: a year after this year's two digits lies in
 * the last century ("03.05.87" in 2025 is 1987), otherwise in this one ("03.05.10" is 2010).
 */
export function expandTwoDigitYear(twoDigits: number, todayYear: number): number {
  const century = Math.floor(todayYear / 100) * 100;
  return twoDigits > todayYear % 100 ? century - 100 + twoDigits : century + twoDigits;
}
