import { deadlineAfterDelivery, DeliveryRegime, Period, PeriodUnit } from './delivery-rule';
import { foldText } from './fold-text.util';
import type { Found } from './found.types';
import type { LetterDeadline } from './letter-analysis.types';
import type { LetterText } from './letter-text';
import { datePartsFromGroups, GERMAN_DATE_SOURCE, resolveDate } from './parse-german-date.util';

// "bis zum 15.12.2026", "bis spätestens 15.12.2026", "spätestens am 15.12.2026", "bis 15. Dezember 2026"
const EXPLICIT = new RegExp(
  `(?:\\bbis\\s+(?:sp[äa]testens\\s+)?(?:zum\\s+|am\\s+)?|\\bsp[äa]testens\\s+(?:am\\s+|bis\\s+(?:zum\\s+)?)?)${GERMAN_DATE_SOURCE}`,
  'gi',
);
// "am 03.12.2026 um 9:30 Uhr", "am Donnerstag, dem 3. Dezember 2026, um 09.30 Uhr"
const APPOINTMENT = new RegExp(
  `\\bam\\s+(?:[A-Za-zÄÖÜäöü]+,?\\s+(?:dem\\s+|den\\s+)?)?${GERMAN_DATE_SOURCE},?\\s+um\\s+(?<hh>[0-2]?\\d)(?:[:.](?<mm>[0-5]\\d))?\\s*Uhr`,
  'gi',
);
// "innerhalb eines Monats nach Bekanntgabe", "binnen zwei Wochen nach Zugang", "innerhalb von 14 Tagen"
const PERIOD =
  /\b(?:innerhalb|binnen)\s+(?:von\s+)?(?<count>\d{1,2}|[A-Za-zÄÖÜäöü]+)\s+(?<unit>Tag(?:e|en)?|Woche(?:n)?|Monat(?:s|e|en)?)\b(?:\s+nach\s+(?:der\s+|dem\s+)?(?:Bekanntgabe|Zugang|Erhalt|Zustellung)(?:\s+(?:dieses|des)\s+(?:Schreibens|Bescheides|Bescheids|Briefes))?)?/gi;

const NUMBER_WORDS: Record<string, number> = {
  ein: 1,
  eine: 1,
  einem: 1,
  einer: 1,
  eines: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  funf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  vierzehn: 14,
};

// Words that make "bis <date>" the end of a period of benefits, not something the family must do.
const NOT_A_DEADLINE = /\bbewilligungs|\bbewilligt|zeitraum\b|\bleistungen\s+(?:fur|vom)|\bgultig|\bvom\s*$/;

export interface DeadlineContext {
  letterDate: string | null;
  today: string;
  regime: DeliveryRegime;
}

export interface DeadlineFindings {
  deadline: Found<LetterDeadline> | null;
  appointment: Found<string> | null;
}

/**
 * The day by which the family must act. An explicit date wins over an appointment, an appointment
 * over a period; a period ("innerhalb eines Monats nach Bekanntgabe") is counted from the delivery
 * day of the letter (see delivery-rule.ts) and marked estimated.
 */
export function extractDeadline(letter: LetterText, context: DeadlineContext): DeadlineFindings {
  const reference = context.letterDate ?? context.today;
  const appointment = findAppointment(letter.text, reference);
  const explicit = findExplicit(letter.text, reference);
  if (explicit) {
    return { deadline: explicit, appointment };
  }
  if (appointment) {
    const text = collapse(letter.text.slice(appointment.start, appointment.end));
    return {
      deadline: { ...appointment, value: { date: appointment.value.slice(0, 10), estimated: false, text } },
      appointment,
    };
  }
  return { deadline: findPeriod(letter.text, context), appointment: null };
}

function findExplicit(text: string, reference: string): Found<LetterDeadline> | null {
  let best: Found<LetterDeadline> | null = null;
  EXPLICIT.lastIndex = 0;
  for (let match = EXPLICIT.exec(text); match; match = EXPLICIT.exec(text)) {
    const before = foldText(text.slice(Math.max(0, match.index - 80), match.index));
    const sentenceBefore = before.split(/[.!?]\s/).pop() ?? '';
    if (NOT_A_DEADLINE.test(sentenceBefore) || /\d{1,2}\.\d{1,2}\.\d{2,4}\s*$/.test(before)) {
      continue;
    }
    const parts = match.groups ? datePartsFromGroups(match.groups) : null;
    const date = parts ? resolveDate(parts, reference) : null;
    if (!date) {
      continue;
    }
    // Several dates to act on: the earliest one is the one that must not be missed.
    if (!best || date < best.value.date) {
      best = {
        value: { date, estimated: false, text: collapse(match[0]) },
        start: match.index,
        end: match.index + match[0].length,
      };
    }
  }
  return best;
}

function findAppointment(text: string, reference: string): Found<string> | null {
  APPOINTMENT.lastIndex = 0;
  for (let match = APPOINTMENT.exec(text); match; match = APPOINTMENT.exec(text)) {
    const parts = match.groups ? datePartsFromGroups(match.groups) : null;
    const date = parts ? resolveDate(parts, reference) : null;
    const hours = Number(match.groups?.hh);
    const minutes = Number(match.groups?.mm ?? '0');
    if (date && hours <= 23) {
      const value = `${date}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
      return { value, start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

function findPeriod(text: string, context: DeadlineContext): Found<LetterDeadline> | null {
  PERIOD.lastIndex = 0;
  for (let match = PERIOD.exec(text); match; match = PERIOD.exec(text)) {
    const period = toPeriod(match.groups?.count ?? '', match.groups?.unit ?? '');
    if (!period) {
      continue;
    }
    // Without the letter's date the start of the period is unknown: no date rather than a wrong one.
    if (!context.letterDate) {
      return null;
    }
    const date = deadlineAfterDelivery(context.letterDate, period, context.regime);
    return {
      value: { date, estimated: true, text: collapse(match[0]) },
      start: match.index,
      end: match.index + match[0].length,
    };
  }
  return null;
}

function toPeriod(countText: string, unitText: string): Period | null {
  const folded = foldText(countText);
  const count = /^\d+$/.test(folded) ? Number(folded) : NUMBER_WORDS[folded];
  if (!count) {
    return null;
  }
  const unitFolded = foldText(unitText);
  const unit: PeriodUnit = unitFolded.startsWith('tag')
    ? 'day'
    : unitFolded.startsWith('woche')
      ? 'week'
      : 'month';
  return { count, unit };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
