import { addDays, toIsoDate, weekday } from './iso-date.util';

/**
 * Public holidays that hold in every German state (set by the states' holiday laws and, for
 * 3 October, by the Einigungsvertrag). State-only holidays (e.g. Fronleichnam, Reformationstag)
 * are left out on purpose: a deadline computed without them can only come out a day early, never late.
 */
export function nationwideHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const holidays = new Map<string, string>([
    [toIsoDate(year, 1, 1), 'Neujahr'],
    [addDays(easter, -2), 'Karfreitag'],
    [addDays(easter, 1), 'Ostermontag'],
    [toIsoDate(year, 5, 1), 'Tag der Arbeit'],
    [addDays(easter, 39), 'Christi Himmelfahrt'],
    [addDays(easter, 50), 'Pfingstmontag'],
    [toIsoDate(year, 10, 3), 'Tag der Deutschen Einheit'],
    [toIsoDate(year, 12, 25), '1. Weihnachtstag'],
    [toIsoDate(year, 12, 26), '2. Weihnachtstag'],
  ]);
  if (year === 2017) {
    // The 500th anniversary of the Reformation was a one-off holiday in every state.
    holidays.set('2017-10-31', 'Reformationstag');
  }
  return holidays;
}

const cache = new Map<number, Map<string, string>>();

export function isNationwideHoliday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = nationwideHolidays(year);
    cache.set(year, holidays);
  }
  return holidays.has(iso);
}

/** Saturday, Sunday and nationwide holidays are not working days (§ 26 Abs. 3 SGB X, § 108 Abs. 3 AO, § 193 BGB). */
export function isWorkingDay(iso: string): boolean {
  const day = weekday(iso);
  return day !== 0 && day !== 6 && !isNationwideHoliday(iso);
}

export function nextWorkingDayFrom(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day)) {
    day = addDays(day, 1);
  }
  return day;
}

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}
