import type { Found } from './found.types';
import type { LetterText } from './letter-text';

// German amounts with a currency before or after: "1.275,00 €", "EUR 255,00", "250 Euro".
const NUMBER = '\\d{1,3}(?:[.\\u00a0 ]\\d{3})*(?:,\\d{2})?|\\d+(?:,\\d{2})?';
const AMOUNT = new RegExp(
  `(?:(?:EUR|€)\\s?(?<before>${NUMBER})(?![\\d,])|(?<![\\d.,])(?<after>${NUMBER})\\s?(?:€|EUR\\b|Euro\\b))`,
  'g',
);

/** Euro amounts in document order. */
export function extractAmounts(letter: LetterText): Found<number>[] {
  const amounts: Found<number>[] = [];
  for (const match of letter.text.matchAll(AMOUNT)) {
    const raw = match.groups?.before ?? match.groups?.after ?? '';
    const value = Number(raw.replace(/[.\u00a0 ]/g, '').replace(',', '.'));
    if (Number.isFinite(value)) {
      amounts.push({ value, start: match.index, end: match.index + match[0].length });
    }
  }
  return amounts;
}
