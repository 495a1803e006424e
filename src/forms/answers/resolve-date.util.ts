// Dates in validation rules: an ISO date, or relative to today: `today`, `today-18y`, `today+3m`, `today-14d`.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE = /^today(?:([+-])(\d{1,3})([dmy]))?$/;

/** True for a real calendar date written YYYY-MM-DD (2023-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isRelativeDate(value: string): boolean {
  return isIsoDate(value) || RELATIVE.test(value);
}

/** Turns a rule date into YYYY-MM-DD. `today` is passed in (YYYY-MM-DD) so results are reproducible. */
export function resolveDate(value: string, today: string): string {
  if (isIsoDate(value)) {
    return value;
  }
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
