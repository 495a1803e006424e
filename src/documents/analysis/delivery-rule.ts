import { nextWorkingDayFrom } from './holidays';
import { addDays, daysInMonth, parseIsoDate, validIsoDate } from './iso-date.util';

/**
 * Which law governs the letter's delivery and periods.
 * - 'ao': Kindergeld is tax law (§§ 62 ff. EStG), so the Familienkasse applies the Abgabenordnung.
 * - 'sgb-x': Jobcenter, Wohngeld, Unterhaltsvorschuss, Elterngeld, Bildung und Teilhabe (social law).
 */
export type DeliveryRegime = 'ao' | 'sgb-x';

/** Letters posted from this day on count as delivered on the fourth day instead of the third. */
export const FOUR_DAY_RULE_FROM = '2025-01-01';

/**
 * Day on which a letter sent by ordinary post counts as delivered (Bekanntgabefiktion).
 *
 * - § 37 Abs. 2 Satz 1 SGB X and § 122 Abs. 2 Nr. 1 AO, both as amended by the
 *   Postrechtsmodernisierungsgesetz of 15.07.2024 (BGBl. 2024 I Nr. 236): "am vierten Tag nach der
 *   Aufgabe zur Post" for letters posted after 31.12.2024; before: the third day.
 * - The day of posting is not counted (§ 187 Abs. 1 BGB via § 26 Abs. 1 SGB X / § 108 Abs. 1 AO).
 * - AO: if that day is a Saturday, Sunday or holiday, delivery moves to the next working day
 *   (§ 108 Abs. 3 AO; BFH, Urteil vom 14.10.2003, IX R 68/98).
 * - SGB X: no such shift, the letter counts as delivered on a Saturday too
 *   (BSG, Urteil vom 06.05.2010, B 14 AS 12/09 R); only the end of a period moves (§ 26 Abs. 3 SGB X).
 *
 * We only know the letter's date, not the day it was posted; authorities post on the letter date or
 * later, so a deadline computed from the letter date can only come out early, never late.
 */
export function deliveryDate(postedOn: string, regime: DeliveryRegime): string {
  const days = postedOn >= FOUR_DAY_RULE_FROM ? 4 : 3;
  const fictional = addDays(postedOn, days);
  return regime === 'ao' ? nextWorkingDayFrom(fictional) : fictional;
}

export type PeriodUnit = 'day' | 'week' | 'month';

export interface Period {
  count: number;
  unit: PeriodUnit;
}

/**
 * Last day of a period that starts with an event (delivery), by §§ 187 Abs. 1, 188 Abs. 2 and 3 BGB
 * (applied through § 26 Abs. 1 SGB X, § 108 Abs. 1 AO and § 64 SGG): the event day is not counted;
 * a period of weeks or months ends on the day with the same weekday or day number as the event day,
 * or on the last day of a shorter month. If that day is a Saturday, Sunday or public holiday the
 * period ends on the next working day (§ 26 Abs. 3 Satz 1 SGB X, § 108 Abs. 3 AO, § 64 Abs. 3 SGG, § 193 BGB).
 */
export function periodEnd(eventDay: string, period: Period): string {
  let end: string;
  if (period.unit === 'day') {
    end = addDays(eventDay, period.count);
  } else if (period.unit === 'week') {
    end = addDays(eventDay, 7 * period.count);
  } else {
    const { year, month, day } = parseIsoDate(eventDay);
    const monthIndex = month - 1 + period.count;
    const endYear = year + Math.floor(monthIndex / 12);
    const endMonth = (monthIndex % 12) + 1;
    end = validIsoDate(endYear, endMonth, Math.min(day, daysInMonth(endYear, endMonth))) as string;
  }
  return nextWorkingDayFrom(end);
}

/** Deadline for "innerhalb von <period> nach Bekanntgabe/Zugang" of a letter posted on postedOn. */
export function deadlineAfterDelivery(postedOn: string, period: Period, regime: DeliveryRegime): string {
  return periodEnd(deliveryDate(postedOn, regime), period);
}
