// Text helpers shared by the input parsers. Two kinds on purpose:
// - tidyText keeps what a person typed (case, diacritics, Turkish ı) and is safe for storing;
// - foldForMatching throws information away (case, diacritics, punctuation) and is only for comparing.

const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g; // zero-width space, word joiner, BOM, soft hyphen
const CONTROL = /\p{Cc}/gu;
const SPACES = /\s+/gu;

/** Trims, collapses every kind of whitespace to one space and composes characters (NFC). */
export function tidyText(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(SPACES, ' ').trim();
}

/**
 * Lower-cases with care for Turkish: in Turkish "I" becomes "ı" and "İ" becomes "i"; elsewhere "İ"
 * becomes a plain "i" instead of "i" plus a combining dot (what String.prototype.toLowerCase gives).
 */
export function lowerCaseText(input: string, locale?: string): string {
  const language = locale?.toLowerCase().split(/[-_]/)[0];
  if (language === 'tr' || language === 'az') {
    return input.toLocaleLowerCase('tr');
  }
  return input.replace(/İ/g, 'i').toLowerCase();
}

const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0xff10]; // Arabic-Indic, Persian, Devanagari, full-width

/** Turns Arabic-Indic, Persian, Devanagari and full-width digits into ASCII digits. */
export function toAsciiDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\uFF10-\uFF19]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9) ?? code;
    return String(code - zero);
  });
}

/** Removes accents and other combining marks: "Müller" -> "Muller", "Şubat" -> "Subat". For matching only. */
export function removeDiacritics(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/ẞ/g, 'SS')
    .normalize('NFC');
}

const APOSTROPHES = /['’‘`´ʼ]/g;
// Skin-tone modifiers, zero-width joiners and the Arabic tatweel (a stretching stroke) change no meaning.
const DECORATION = /[\u{1F3FB}-\u{1F3FF}]|\u200C|\u200D|\u0640|[\uFE00-\uFE0F]/gu;
const PUNCTUATION = /\p{P}/gu;

/** Removes apostrophes ("don't" -> "dont") and turns other punctuation into spaces. */
export function stripPunctuation(input: string): string {
  return input.replace(APOSTROPHES, '').replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}

/**
 * The key two texts are compared by: lower case, no diacritics, no punctuation, no emoji
 * variation selectors or skin tones, ASCII digits, single spaces. "  Hayır! " -> "hayir".
 */
export function foldForMatching(input: string): string {
  const lower = lowerCaseText(toAsciiDigits(tidyText(input)));
  return stripPunctuation(removeDiacritics(lower).replace(DECORATION, ''));
}

const GERMAN_TRANSLITERATION: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
};

/**
 * Keys under which a phrase of a lookup table is stored: people type "zurück", "zuruck" or
 * "zurueck", so a German phrase with umlauts gets both folded spellings.
 */
export function matchingKeysFor(phrase: string): string[] {
  const plain = foldForMatching(phrase);
  const transliterated = foldForMatching(
    phrase.replace(/[äöüÄÖÜ]/g, (letter) => GERMAN_TRANSLITERATION[letter]),
  );
  return plain === transliterated ? [plain] : [plain, transliterated];
}
