// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and
// "today" is asked on every chat turn.
const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** The calendar day in Germany as YYYY-MM-DD (dates of signing, deadlines, reminders, "today"). */
export function berlinDate(now: Date = new Date()): string {
  return berlinDay.format(now);
}
