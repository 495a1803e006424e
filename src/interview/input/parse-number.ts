import { foldForMatching, tidyText, toAsciiDigits } from './normalize-text';

export type NumberParseResult = { ok: true; value: number } | { ok: false; reason: 'not-a-number' };

// Small numbers are often written out: "zwei Kinder" is answered "zwei". German and English.
// prettier-ignore
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ['null', 0], ['eins', 1], ['ein', 1], ['eine', 1], ['einer', 1], ['zwei', 2], ['drei', 3], ['vier', 4],
    ['fünf', 5], ['fuenf', 5], ['sechs', 6], ['sieben', 7], ['acht', 8], ['neun', 9], ['zehn', 10], ['elf', 11],
    ['zwölf', 12], ['zwoelf', 12], ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
    ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ].map(([word, value]) => [foldForMatching(String(word)), Number(value)]),
);

// Thousands may be grouped by spaces (also the narrow no-break space phones insert) or apostrophes.
const GROUP_SPACES = /(?<=\d)[\s\u202F'’](?=\d{3}(?:\D|$))/gu;
const MINUS = /^[-−–]\s*/;

/**
 * Reads a number in German or English notation: "3", "-2", "1.234,56", "1234.56", "1 234,56",
 * "1,5", or a number word from null/zero to zwölf/twelve. One dot followed by exactly three digits
 * is a German thousands separator ("1.500" is 1500), as on German bills and letters.
 */
export function parseNumber(input: string): NumberParseResult {
  const text = toAsciiDigits(tidyText(input)).replace(GROUP_SPACES, '');
  const word = NUMBER_WORDS.get(foldForMatching(text));
  if (word !== undefined) {
    return { ok: true, value: word };
  }
  const negative = MINUS.test(text);
  const digits = text.replace(MINUS, '').replace(/^\+\s*/, '');
  const canonical = toCanonicalDecimal(digits);
  if (canonical === null) {
    return { ok: false, reason: 'not-a-number' };
  }
  const value = Number(canonical);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

// "1.234,56" -> "1234.56"; null when the separators do not form a number.
function toCanonicalDecimal(text: string): string | null {
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) {
    return null;
  }
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const hasDot = lastDot >= 0;
  const hasComma = lastComma >= 0;
  if (hasDot && hasComma) {
    // The later separator is the decimal one: "1.234,56" or "1,234.56".
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, fraction] = [
      text.slice(0, Math.max(lastDot, lastComma)),
      text.slice(Math.max(lastDot, lastComma) + 1),
    ];
    return isGrouped(whole, group) && !fraction.includes(group)
      ? `${whole.split(group).join('')}.${fraction}`
      : null;
  }
  const separator = hasDot ? '.' : hasComma ? ',' : null;
  if (separator === null) {
    return text;
  }
  const parts = text.split(separator);
  const germanThousands = separator === '.' && parts.length === 2 && isGrouped(text, '.');
  if (parts.length === 2 && !germanThousands) {
    return `${parts[0]}.${parts[1]}`; // a single decimal comma or dot: "1,5", "1234.56", "0.500"
  }
  return isGrouped(text, separator) ? parts.join('') : null;
}

// "1.234.567" grouped by "." : first group 1-3 digits without a leading zero, then groups of three.
function isGrouped(text: string, group: string): boolean {
  const parts = text.split(group);
  return /^[1-9]\d{0,2}$/.test(parts[0]) && parts.slice(1).every((part) => /^\d{3}$/.test(part));
}
