import type { OcrPage, OcrWord } from '../analysis/ocr-document.types';

/** The parts of a pdf.js TextItem that we use. */
export interface TextLayerItem {
  str: string;
  /** Text matrix in PDF user space [a, b, c, d, e, f]. */
  transform: number[];
  /** Advance width in user space units. */
  width: number;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m1: number[], m2: number[]): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

interface PlacedWord {
  text: string;
  x: number;
  baseline: number;
  width: number;
  height: number;
}

/**
 * Turns a page's text layer into an OcrPage in PDF points with the origin top-left (the viewport's
 * transform at scale 1 does the flip and any page rotation). pdf.js gives runs of text, not words:
 * a run is split at spaces and its width shared out by characters (close enough for evidence boxes).
 */
export function textLayerToOcrPage(
  items: readonly TextLayerItem[],
  viewportTransform: number[],
  size: { page: number; width: number; height: number },
): OcrPage {
  const placed: PlacedWord[] = [];
  for (const item of items) {
    if (!item.str.trim()) {
      continue;
    }
    const m = multiply(viewportTransform, item.transform);
    const height = Math.hypot(m[2], m[3]) || 1;
    const scale = Math.hypot(viewportTransform[0], viewportTransform[1]) || 1;
    const width = item.width * scale;
    const perChar = width / item.str.length;
    for (const match of item.str.matchAll(/\S+/g)) {
      placed.push({
        text: match[0],
        x: m[4] + perChar * match.index,
        baseline: m[5],
        width: perChar * match[0].length,
        height,
      });
    }
  }
  return { ...size, source: 'text-layer', ...groupIntoLines(placed) };
}

function groupIntoLines(placed: PlacedWord[]): { words: OcrWord[]; text: string } {
  const byBaseline = [...placed].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const rows: PlacedWord[][] = [];
  for (const word of byBaseline) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0].baseline - word.baseline) < 0.5 * Math.min(row[0].height, word.height)) {
      row.push(word);
    } else {
      rows.push([word]);
    }
  }
  // A wide gap splits a row into two lines: the DIN 5008 address field and the information block
  // stand side by side and must not read as one sentence.
  const lines: PlacedWord[][] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: PlacedWord[] = [];
    for (const word of row) {
      const previous = current.at(-1);
      if (previous && word.x - (previous.x + previous.width) > 2.5 * word.height) {
        lines.push(current);
        current = [];
      }
      current.push(word);
    }
    lines.push(current);
  }
  const words: OcrWord[] = [];
  let block = 0;
  let previousBaseline: number | undefined;
  lines.forEach((line, lineIndex) => {
    const height = line[0].height;
    if (previousBaseline !== undefined && line[0].baseline - previousBaseline > 1.8 * height) {
      block += 1;
    }
    previousBaseline = line[0].baseline;
    for (const word of line) {
      const top = word.baseline - 0.8 * word.height;
      words.push({
        text: word.text,
        box: [round(word.x), round(top), round(word.width), round(word.height)],
        confidence: 1,
        line: lineIndex,
        block,
      });
    }
  });
  const text = lines.map((line) => line.map((word) => word.text).join(' ')).join('\n');
  return { words, text };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
