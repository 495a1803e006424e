import { canonicalDocumentName } from './document-names';
import type { Found } from './found.types';
import type { LetterText } from './letter-text';

// Phrases that introduce what the family must send.
const TRIGGER =
  /\b(?:bitte\s+(?:senden|schicken|reichen)\s+sie\s+uns|folgende(?:n)?\s+unterlagen|(?:reichen|legen)\s+sie\s+(?:uns\s+)?(?:bitte\s+)?(?:noch\s+)?folgende|ben[öo]tigen\s+wir\s+(?:noch\s+)?(?:von\s+ihnen\s+)?)/gi;

// Bullets, including what OCR makes of "•" ("e", "«", "°", "+" on a grainy scan).
const BULLET = /^\s*(?:[-–—•·*»«>○●▪■□◦°+]|[eo](?=\s)|\d{1,2}[.)]|[a-z]\))\s+(?<item>.+)$/u;

// Where an inline enumeration ends: the deadline or the verb at the end of the sentence.
const INLINE_END =
  /\s+(?:bis\s+(?:zum|sp[äa]testens|\d)|sp[äa]testens|zu\b|ein\b|innerhalb|binnen)|[.:;!?](?:\s|$)/i;

/**
 * Documents the letter asks for, in order, under canonical names ("Schulbescheinigung", "Anlage Kind",
 * "Kontoauszüge" ...). In a bullet list an unknown item is kept with its own words; in a running
 * sentence only known documents count, because the rest of a sentence is rarely a document.
 */
export function extractRequestedDocuments(letter: LetterText): Found<string>[] {
  const found: Found<string>[] = [];
  const seen = new Set<string>();
  const add = (value: string, start: number, end: number): void => {
    if (!seen.has(value)) {
      seen.add(value);
      found.push({ value, start, end });
    }
  };
  for (const trigger of letter.text.matchAll(TRIGGER)) {
    const after = trigger.index + trigger[0].length;
    const lineIndex = letter.lines.findIndex(
      (line) => line.start <= trigger.index && trigger.index <= line.end,
    );
    if (lineIndex < 0) {
      continue;
    }
    const triggerLine = letter.lines[lineIndex];
    const rest = letter.text.slice(after, triggerLine.end);
    const end = INLINE_END.exec(rest);
    const inline = end ? rest.slice(0, end.index) : rest;
    for (const part of inline.split(/,|\bund\b|\bsowie\b|\boder\b/)) {
      const name = canonicalDocumentName(part);
      if (name) {
        const start = after + rest.indexOf(part);
        add(name, start, start + part.length);
      }
    }
    // A list follows on the lines after the one where the introducing sentence ends.
    const colon = letter.text.slice(after, after + 200).search(/[:.](?:\s|$)/);
    const listStart = colon < 0 ? lineIndex : letter.lines.findIndex((line) => line.end >= after + colon);
    for (let index = listStart + 1; index < letter.lines.length; index++) {
      const line = letter.lines[index];
      const bullet = BULLET.exec(line.text);
      if (!bullet?.groups) {
        break;
      }
      const item = bullet.groups.item.replace(/[.,;]+\s*$/, '').trim();
      const name = canonicalDocumentName(item) ?? stripArticle(item);
      add(name, line.start + line.text.indexOf(bullet.groups.item), line.end);
    }
  }
  return found;
}

function stripArticle(item: string): string {
  return item.replace(/^(?:die|den|das|der|eine|einen|ein|ihre|ihren|ihr)\s+/i, '');
}
