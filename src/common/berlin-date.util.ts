// Made once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and
// "today" is asked on every chat turn.
const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

// The day in Berlin changes only on a full hour (UTC), so it is formatted once a minute at most.
let formattedMinute = Number.NaN;
let formattedDay = '';

/** The calendar day in Germany as YYYY-MM-DD (dates of signing, deadlines, reminders, "today"). */
export function berlinDate(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== formattedMinute) {
    formattedDay = berlinDay.format(now);
    formattedMinute = minute;
  }
  return formattedDay;
}
