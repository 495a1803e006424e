import { isTaxId } from 'class-validator';

/** IBAN check (ISO 13616): move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) || (iban.startsWith('DE') && iban.length !== 22)) {
    return false;
  }
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) {
      remainder = (remainder * 10 + Number(digit)) % 97;
    }
  }
  return remainder === 1;
}

/** German Steuer-ID: 11 digits with the check digit of § 139b AO (ISO 7064 MOD 11,10), via validator.js. */
export function isValidSteuerId(digits: string): boolean {
  return /^\d{11}$/.test(digits) && isTaxId(digits, 'de-DE');
}
