import { isValidIban, isValidSteuerId } from '../../src/documents/analysis/check-digits.util';
import type { SeededRandom } from './seeded-random';

/** A German IBAN with correct check digits (ISO 13616) for an invented account. */
export function inventIban(random: SeededRandom): string {
  const bban = random.digits(18);
  for (let check = 2; check <= 98; check++) {
    const iban = `DE${String(check).padStart(2, '0')}${bban}`;
    if (isValidIban(iban)) {
      return iban;
    }
  }
  throw new Error('no IBAN check digits found');
}

/** An invented Steuer-ID that passes the check of § 139b AO. */
export function inventSteuerId(random: SeededRandom): string {
  for (;;) {
    const candidate = String(random.int(1, 9)) + random.digits(10);
    if (isValidSteuerId(candidate)) {
      return candidate;
    }
  }
}

export function groupIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

export function groupSteuerId(id: string): string {
  return `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8)}`;
}
