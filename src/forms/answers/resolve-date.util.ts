// Dates in validation rules: an ISO date, or relative to today: `today`, `today-18y`, `today+3m`, `today-14d`.

const RELATIVE = /^today(?:([+-])(\d{1,3})([dmy]))?$/;
/** Rule dates resolved against a day ("today-18y" on 2025-11-20); the rules are few. */
const resolved = new Map<string, string>();
const resolvedKept = 1000;

/**
 * True for a real calendar date written YYYY-MM-DD (2023-02-29 is not one). Checked with digits and
 * arithmetic: the chat's conditions ask it thousands of times a turn (every birth date, every
 * "today-18y"), and a Date object each time was a measurable part of a turn.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return false;
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  // Years before 100 were never dates here (Date.UTC read them as 19xx), and none is a birth date.
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by the digits value[from..to), or -1 when one of them is not a digit. */
export function digitsAt(value: string, from: number, to: number): number {
  let number = 0;
  for (let index = from; index < to; index++) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    number = number * 10 + digit;
  }
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRelativeDate(value: string): boolean {
  return isIsoDate(value) || RELATIVE.test(value);
}

/** Turns a rule date into YYYY-MM-DD. `today` is passed in (YYYY-MM-DD) so results are reproducible. */
export function resolveDate(value: string, today: string): string {
  if (isIsoDate(value)) {
    return value;
  }
  const key = `${today} ${value}`;
  let date = resolved.get(key);
  if (date === undefined) {
    date = resolveRelative(value, today);
    if (resolved.size >= resolvedKept) {
      resolved.clear();
    }
    resolved.set(key, date);
  }
  return date;
}

function resolveRelative(value: string, today: string): string {
  const match = RELATIVE.exec(value);
  if (!match) {
    throw new Error(`Not a date rule: ${value}`);
  }
  if (!match[1]) {
    return today;
  }
  const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  const [year, month, day] = today.split('-').map(Number);
  if (match[3] === 'd') {
    return toIso(new Date(Date.UTC(year, month - 1, day + amount)));
  }
  const totalMonths = year * 12 + (month - 1) + (match[3] === 'y' ? amount * 12 : amount);
  const targetYear = Math.floor(totalMonths / 12);
  const targetMonth = totalMonths - targetYear * 12;
  // 29 February minus one year is 28 February, not 1 March.
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return toIso(new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
