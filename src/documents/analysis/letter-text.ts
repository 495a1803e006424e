import type { FieldEvidence } from './letter-analysis.types';
import type { OcrDocument, OcrWord } from './ocr-document.types';

export interface PlacedWord {
  word: OcrWord;
  page: number;
  /** Offsets of the word in LetterText.text. */
  start: number;
  end: number;
}

export interface LetterLine {
  page: number;
  block: number;
  text: string;
  start: number;
  end: number;
  words: PlacedWord[];
}

/**
 * The whole letter as one string (lines joined with \n, pages with \n\n) that remembers which word
 * each character came from, so that every regular-expression match can name its evidence.
 */
export interface LetterText {
  text: string;
  lines: LetterLine[];
  words: PlacedWord[];
  pageSizes: Map<number, { width: number; height: number }>;
}

export function buildLetterText(doc: OcrDocument): LetterText {
  let text = '';
  const lines: LetterLine[] = [];
  const words: PlacedWord[] = [];
  const pageSizes = new Map<number, { width: number; height: number }>();
  for (const page of doc.pages) {
    pageSizes.set(page.page, { width: page.width, height: page.height });
    if (text.length > 0) {
      text += '\n';
    }
    const grouped = new Map<string, OcrWord[]>();
    for (const word of page.words) {
      if (word.text.trim() === '') {
        continue;
      }
      const key = `${word.block}:${word.line}`;
      const list = grouped.get(key);
      if (list) {
        list.push(word);
      } else {
        grouped.set(key, [word]);
      }
    }
    for (const lineWords of grouped.values()) {
      if (text.length > 0) {
        text += '\n';
      }
      const lineStart = text.length;
      const placed: PlacedWord[] = [];
      for (const [index, word] of lineWords.entries()) {
        if (index > 0) {
          text += ' ';
        }
        const start = text.length;
        text += word.text.trim();
        placed.push({ word, page: page.page, start, end: text.length });
      }
      words.push(...placed);
      lines.push({
        page: page.page,
        block: lineWords[0].block,
        text: text.slice(lineStart),
        start: lineStart,
        end: text.length,
        words: placed,
      });
    }
  }
  return { text, lines, words, pageSizes };
}

/** Evidence for the characters [start, end) of LetterText.text: first page touched, union box, lowest confidence. */
export function evidenceFor(letter: LetterText, start: number, end: number): FieldEvidence | null {
  const touched = letter.words.filter((placed) => placed.start < end && placed.end > start);
  if (touched.length === 0) {
    return null;
  }
  const page = touched[0].page;
  return evidenceOfWords(
    touched.filter((placed) => placed.page === page).map((placed) => placed.word),
    page,
  );
}

export function evidenceOfWords(words: readonly OcrWord[], page: number): FieldEvidence | null {
  if (words.length === 0) {
    return null;
  }
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  let confidence = 1;
  for (const word of words) {
    const [x, y, w, h] = word.box;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + w);
    bottom = Math.max(bottom, y + h);
    confidence = Math.min(confidence, word.confidence);
  }
  return {
    page,
    box: [round(left), round(top), round(right - left), round(bottom - top)],
    confidence: round(confidence),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The line that contains character offset `at`. */
export function lineAt(letter: LetterText, at: number): LetterLine | undefined {
  return letter.lines.find((line) => line.start <= at && at <= line.end);
}
