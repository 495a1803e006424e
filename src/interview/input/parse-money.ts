import { parseNumber } from './parse-number';
import { tidyText } from './normalize-text';

export type MoneyParseFailure = 'not-a-number' | 'negative' | 'too-many-decimals';

export type MoneyParseResult = { ok: true; value: number } | { ok: false; reason: MoneyParseFailure };

// "€", "EUR", "Euro", "Euros" before or after the amount; German bills write whole euros as "20,-".
const CURRENCY = /^(?:€|eur(?:o|os)?\.?)\s*|\s*(?:€|eur(?:o|os)?\.?)$/giu;
const WHOLE_EUROS = /[.,][-–]{1,2}$/;

/** Reads an amount in euros: "1.234,56", "1234.56", "1 234,56 €", "EUR 20", "20,-". Never negative. */
export function parseMoney(input: string): MoneyParseResult {
  const amount = tidyText(input).replace(CURRENCY, '').replace(WHOLE_EUROS, '');
  const parsed = parseNumber(amount);
  if (!parsed.ok) {
    return parsed;
  }
  if (parsed.value < 0) {
    return { ok: false, reason: 'negative' };
  }
  // Cents are the smallest unit; "1,234" typed as English thousands ends up here, too.
  const cents = parsed.value * 100;
  if (Math.abs(cents - Math.round(cents)) > 1e-6) {
    return { ok: false, reason: 'too-many-decimals' };
  }
  return { ok: true, value: Math.round(cents) / 100 };
}
