import { isValidIban, isValidSteuerId } from './check-digits.util';
import type { Found } from './found.types';
import type { LetterReferences } from './letter-analysis.types';
import type { LetterText } from './letter-text';
import { repairDigit, repairToShape } from './repair-ocr-digits.util';

export type ReferenceFindings = { [K in keyof LetterReferences]: Found<string> | null } & {
  iban: Found<string> | null;
};

// Characters a digit may be misread as, for the candidate search before repair.
const D = '[0-9OoDQIli|SsBZzG]';

/** Reference numbers by pattern and, where one exists, check digit; OCR look-alikes repaired first. */
export function extractReferences(letter: LetterText): ReferenceFindings {
  const text = letter.text;
  return {
    kindergeldNummer: findShaped(
      text,
      new RegExp(`(?<![0-9A-Za-z])${D}{3}\\s?F\\s?K\\s?${D}{6}(?![0-9A-Za-z])`, 'gi'),
      'NNNFKNNNNNN',
    ),
    bgNummer: findShaped(
      text,
      new RegExp(`(?<![0-9A-Za-z])${D}{5}\\s?B\\s?G\\s?${D}{7}(?![0-9A-Za-z])`, 'gi'),
      'NNNNNBGNNNNNNN',
    ),
    kundennummer: findShaped(
      text,
      new RegExp(`(?<![0-9A-Za-z])${D}{3}\\s?D\\s?${D}{6}(?![0-9A-Za-z])`, 'g'),
      'NNNDNNNNNN',
    ),
    aktenzeichen: findAktenzeichen(text),
    steuerId: findSteuerId(text),
    iban: findIban(text),
  };
}

function findShaped(text: string, pattern: RegExp, shape: string): Found<string> | null {
  for (const match of text.matchAll(pattern)) {
    const repaired = repairToShape(match[0].replace(/\s/g, ''), shape);
    if (repaired) {
      return { value: repaired, start: match.index, end: match.index + match[0].length };
    }
  }
  return null;
}

// "Aktenzeichen: WG-2026-004711", "Az.: 63.2 - 1234/26", "Geschäftszeichen 51-UV-20413"
const AKTENZEICHEN =
  /\b(?:Aktenzeichen|Az\.?|Gesch[äa]ftszeichen)\s*:?[ \t]*\n?[ \t]*(?<value>[A-Za-z0-9][A-Za-z0-9./-]*(?:[ \t][A-Za-z0-9./-]*\d[A-Za-z0-9./-]*)*)/gi;

function findAktenzeichen(text: string): Found<string> | null {
  for (const match of text.matchAll(AKTENZEICHEN)) {
    const value = match.groups?.value ?? '';
    // A value carries at least one digit; "Az.: bitte angeben" is not a reference.
    if (/\d/.test(value)) {
      const start = match.index + match[0].lastIndexOf(value);
      return { value: value.replace(/[.\-/]+$/, ''), start, end: start + value.length };
    }
  }
  return null;
}

// "Steuerliche Identifikationsnummer: 86 095 742 719", "Steuer-ID 86095742719", "IdNr."; OCR reads
// the I of "ID" as 1, l or | (the check digit still has to hold).
const STEUER_ID = new RegExp(
  `(?:Steuer-?\\s?[I1l|]D|Steuer-?Identifikationsnummer|steuerliche\\s+Identifikationsnummer|Identifikationsnummer|IdNr\\.?)\\s*:?\\s*(?<value>${D}{2}(?:\\s?${D}{3}){3})(?![0-9])`,
  'gi',
);

function findSteuerId(text: string): Found<string> | null {
  for (const match of text.matchAll(STEUER_ID)) {
    const raw = match.groups?.value ?? '';
    const digits = [...raw.replace(/\s/g, '')].map(repairDigit).join('');
    if (isValidSteuerId(digits)) {
      const start = match.index + match[0].lastIndexOf(raw);
      return { value: digits, start, end: start + raw.length };
    }
  }
  return null;
}

// German IBANs, printed in groups of four: "DE89 3704 0044 0532 0130 00".
const IBAN = new RegExp(`(?<![A-Za-z])D\\s?E\\s?(?:${D}\\s?){20}`, 'g');

function findIban(text: string): Found<string> | null {
  for (const match of text.matchAll(IBAN)) {
    const compact = match[0].replace(/\s/g, '');
    const iban = 'DE' + [...compact.slice(2)].map(repairDigit).join('');
    if (isValidIban(iban)) {
      const trimmed = match[0].trimEnd();
      return { value: iban, start: match.index, end: match.index + trimmed.length };
    }
  }
  return null;
}
