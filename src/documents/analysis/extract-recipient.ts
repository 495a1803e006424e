import { findAddressWindow, parsePostalLine } from './find-address-window';
import type { FieldEvidence, LetterRecipient } from './letter-analysis.types';
import { evidenceOfWords, LetterText, PlacedWord } from './letter-text';

const SALUTATION = /^(?:Frau|Herrn|Herr|Mr\.?|Mrs\.?|Ms\.?)\s+/u;
const SALUTATION_ONLY = /^(?:Frau|Herrn|Herr|Familie)$/u;

export interface RecipientFinding {
  value: LetterRecipient;
  evidence: FieldEvidence | null;
}

/**
 * Name, street, postal code and city from the DIN 5008 address field, read from the bottom up:
 * the postal-code line, the street line above it, the name above that.
 */
export function extractRecipient(letter: LetterText): RecipientFinding | null {
  const window = findAddressWindow(letter);
  if (!window) {
    return null;
  }
  const postalLine = window.lines[window.postalLineIndex];
  const postal = parsePostalLine(postalLine.text);
  if (!postal) {
    return null;
  }
  const used: PlacedWord[] = [...postalLine.words];
  let street: string | null = null;
  let name: string | null = null;
  let cursor = window.postalLineIndex - 1;
  const streetLine = window.lines[cursor];
  if (streetLine && /\d/.test(streetLine.text) && !/postfach/i.test(streetLine.text)) {
    street = streetLine.text.trim();
    used.push(...streetLine.words);
    cursor--;
  }
  const nameLine = window.lines[cursor];
  // The return-address line above the address (small print with separators) is never the name.
  if (nameLine && !SALUTATION_ONLY.test(nameLine.text.trim()) && !/[·•|,]|\d{5}/.test(nameLine.text)) {
    // OCR reads ć (Jurić) as the cent sign; no name contains ¢, so it can only be a c with a mark.
    name = nameLine.text.replace(SALUTATION, '').replace(/¢/g, 'c').trim() || null;
    used.push(...nameLine.words);
  }
  return {
    value: { name, street, postalCode: postal.postalCode, city: postal.city },
    evidence: evidenceOfWords(
      used.map((placed) => placed.word),
      1,
    ),
  };
}
