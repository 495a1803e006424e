import { tidyText, toAsciiDigits } from './normalize-text';

// Identifiers are only brought into their stored form here; whether they are valid (IBAN checksum,
// Steuer-ID rules, phone number) is checked elsewhere with class-validator.

const SEPARATORS = /[\s\-–./\\_:]+/gu;

/** "de89 3704-0044 0532 0130 00" -> "DE89370400440532013000"; a leading "IBAN:" label is dropped. */
export function normalizeIban(input: string): string {
  return toAsciiDigits(tidyText(input))
    .replace(/^iban\s*:?\s*/i, '')
    .replace(SEPARATORS, '')
    .toUpperCase();
}

/** Steuerliche Identifikationsnummer: "12 345 678 901" or "12/345/678/901" -> "12345678901". */
export function normalizeTaxId(input: string): string {
  return toAsciiDigits(tidyText(input)).replace(SEPARATORS, '');
}

/** Kindergeldnummer: "215 FK 381902" -> "215FK381902". */
export function normalizeKindergeldNumber(input: string): string {
  return toAsciiDigits(tidyText(input)).replace(SEPARATORS, '').toUpperCase();
}

/**
 * A code of capitals and digits (BIC, Kindergeldnummer), typed in lower case, in groups or after a
 * label: "cobadeffxxx", "COBA DE FF XXX", "BIC: COBADEFFXXX" -> "COBADEFFXXX".
 */
export function normalizeCode(input: string): string {
  return toAsciiDigits(tidyText(input))
    .replace(/^\p{L}[\p{L} -]*:\s*/u, '')
    .replace(SEPARATORS, '')
    .toUpperCase();
}

/** German postal code: "45127", " 01067 " -> "01067" (a string, so the leading zero stays), "D-45127" -> "45127". */
export function normalizePostalCode(input: string): string {
  return toAsciiDigits(tidyText(input))
    .replace(/^d(?:e)?\s*-\s*/i, '')
    .replace(/\s+/g, '');
}

/**
 * Phone number: only "+" and digits stay. "0201/123 456-7" -> "02011234567", "+49 (0) 201 123456"
 * -> "+49201123456" (the "(0)" is dialled only inside Germany).
 */
export function normalizePhone(input: string): string {
  const text = toAsciiDigits(tidyText(input)).replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  const leadingPlus = text.startsWith('+');
  return (leadingPlus ? '+' : '') + text.replace(/\D/g, '');
}

/** E-mail: spaces and "mailto:" removed, domain lower case; the part before "@" stays as typed. */
export function normalizeEmail(input: string): string {
  const text = tidyText(input)
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .replace(/\s+/g, '');
  const at = text.lastIndexOf('@');
  return at < 0 ? text : text.slice(0, at + 1) + text.slice(at + 1).toLowerCase();
}

/** Identifier kinds; all but kindergeldNumber are question types of docs/form-definitions.md. */
export type IdentifierKind = 'iban' | 'taxId' | 'kindergeldNumber' | 'postalCode' | 'phone' | 'email';

const NORMALIZERS: Record<IdentifierKind, (input: string) => string> = {
  iban: normalizeIban,
  taxId: normalizeTaxId,
  kindergeldNumber: normalizeKindergeldNumber,
  postalCode: normalizePostalCode,
  phone: normalizePhone,
  email: normalizeEmail,
};

/** The normaliser for a question type, so the engine needs no switch: `normalizeIdentifier('iban', text)`. */
export function normalizeIdentifier(kind: IdentifierKind, input: string): string {
  return NORMALIZERS[kind](input);
}
