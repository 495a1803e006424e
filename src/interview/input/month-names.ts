import { foldForMatching } from './normalize-text';

// Month names people may type, by month number. German (with Austrian "Jänner"/"Feber"), English,
// Turkish, Russian and Ukrainian (nominative and the genitive used in dates: "3 мая"), Arabic
// (Egyptian/Gulf and Levantine names). Abbreviations are handled as prefixes, so "Sept" needs no entry.
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['Januar', 'Jänner', 'January', 'Ocak', 'январь', 'января', 'січень', 'січня', 'يناير', 'كانون الثاني'],
  ['Februar', 'Feber', 'February', 'Şubat', 'февраль', 'февраля', 'лютий', 'лютого', 'فبراير', 'شباط'],
  ['März', 'Maerz', 'Mrz', 'March', 'Mart', 'март', 'марта', 'березень', 'березня', 'مارس', 'آذار'],
  ['April', 'Nisan', 'апрель', 'апреля', 'квітень', 'квітня', 'أبريل', 'ابريل', 'نيسان'],
  ['Mai', 'May', 'Mayıs', 'май', 'мая', 'травень', 'травня', 'مايو', 'أيار'],
  ['Juni', 'June', 'Haziran', 'июнь', 'июня', 'червень', 'червня', 'يونيو', 'حزيران'],
  ['Juli', 'July', 'Temmuz', 'июль', 'июля', 'липень', 'липня', 'يوليو', 'تموز'],
  ['August', 'Ağustos', 'август', 'августа', 'серпень', 'серпня', 'أغسطس', 'آب'],
  ['September', 'Eylül', 'сентябрь', 'сентября', 'вересень', 'вересня', 'سبتمبر', 'أيلول'],
  ['Oktober', 'October', 'Ekim', 'октябрь', 'октября', 'жовтень', 'жовтня', 'أكتوبر', 'تشرين الأول'],
  ['November', 'Kasım', 'ноябрь', 'ноября', 'листопад', 'листопада', 'نوفمبر', 'تشرين الثاني'],
  ['Dezember', 'December', 'Aralık', 'декабрь', 'декабря', 'грудень', 'грудня', 'ديسمبر', 'كانون الأول'],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, index) => names.map((name) => [foldForMatching(name), index + 1] as const)),
);

// Shortest abbreviation accepted as a prefix ("Jan", "Okt", "Sept"); "Ma" could be März or Mai.
const MIN_PREFIX = 3;

/**
 * The month a folded word (or two words, for Arabic names like "كانون الثاني") names: its number,
 * 'ambiguous' when an abbreviation fits two different months, or null when it is no month.
 */
export function findMonth(folded: string): number | 'ambiguous' | null {
  const exact = MONTH_BY_NAME.get(folded);
  if (exact !== undefined) {
    return exact;
  }
  const length = [...folded].length;
  if (length < 2) {
    return null;
  }
  const months = new Set<number>();
  for (const [name, month] of MONTH_BY_NAME) {
    if (name.startsWith(folded)) {
      months.add(month);
    }
  }
  if (months.size > 1) {
    return 'ambiguous';
  }
  // Two letters that fit one month only ("Ja") are still too vague to accept.
  return months.size === 1 && length >= MIN_PREFIX ? [...months][0] : null;
}
