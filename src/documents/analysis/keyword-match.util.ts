import { foldText } from './fold-text.util';

/** Tokens of folded text: letters, digits and § (for "§ 60 SGB I"). */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[a-z0-9§]+/g) ?? [];
}

/** Long keywords tolerate one wrong, missing or extra character (OCR noise); short ones must match exactly. */
export const FUZZY_MIN_LENGTH = 8;

export function tokenMatches(token: string, keyword: string): boolean {
  if (token === keyword) {
    return true;
  }
  if (keyword.length < FUZZY_MIN_LENGTH) {
    return false;
  }
  return withinOneEdit(token, keyword);
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) {
    return false;
  }
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) {
      return false;
    }
    if (a.length > b.length) {
      i++;
    } else if (a.length < b.length) {
      j++;
    } else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** How often a keyword phrase (one or more words) occurs in a token list. */
export function countPhrase(tokens: readonly string[], phrase: string): number {
  const wanted = tokenize(phrase);
  if (wanted.length === 0) {
    return 0;
  }
  let count = 0;
  for (let start = 0; start + wanted.length <= tokens.length; start++) {
    if (wanted.every((word, offset) => tokenMatches(tokens[start + offset], word))) {
      count++;
    }
  }
  return count;
}
