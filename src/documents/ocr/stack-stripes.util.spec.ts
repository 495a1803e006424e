import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stackStripes } from './stack-stripes.util';
import type { TesseractBlock } from './tesseract-result.util';

function block(lines: [text: string, x: number, y: number][][]): TesseractBlock {
  return {
    paragraphs: [
      {
        lines: lines.map((words) => ({
          words: words.map(([text, x, y]) => ({
            text,
            confidence: 90,
            bbox: { x0: x, y0: y, x1: x + 100, y1: y + 30 },
          })),
        })),
      },
    ],
  };
}

describe('stackStripes', () => {
  const size = { page: 2, width: 1000, height: 2000 };

  it('puts the stripes below each other: boxes on the whole page, lines and blocks numbered on', () => {
    const top = block([[['Familienkasse', 100, 100]], [['Bayern', 100, 150]]]);
    const bottom = block([
      [
        ['Kindergeldnummer', 100, 40],
        ['215FK381902', 300, 40],
      ],
    ]);

    const page = stackStripes(
      [
        { top: 0, height: 900, blocks: [top], rotateRadians: 0 },
        { top: 900, height: 1100, blocks: [bottom], rotateRadians: 0 },
      ],
      size,
    );

    assert.equal(page.text, 'Familienkasse\nBayern\nKindergeldnummer 215FK381902');
    assert.deepEqual(
      page.words.map((word) => [word.text, word.box, word.line, word.block]),
      [
        ['Familienkasse', [100, 100, 100, 30], 0, 0],
        ['Bayern', [100, 150, 100, 30], 1, 0],
        ['Kindergeldnummer', [100, 940, 100, 30], 2, 1],
        ['215FK381902', [300, 940, 100, 30], 2, 1],
      ],
    );
    assert.deepEqual([page.page, page.width, page.height, page.source], [2, 1000, 2000, 'ocr']);
  });

  it("undoes the small deskew of one stripe about that stripe's own centre", () => {
    // A word at the centre of a deskewed stripe stays at the centre; the stripe starts at row 1000.
    const centred = block([[['Mitte', 450, 485]]]);

    const [word] = stackStripes(
      [{ top: 1000, height: 1000, blocks: [centred], rotateRadians: 0.01 }],
      size,
    ).words;

    const [x, y, w, h] = word.box;
    assert.ok(Math.abs(x + w / 2 - 500) <= 1 && Math.abs(y + h / 2 - 1500) <= 1, JSON.stringify(word.box));
    assert.ok(h > 30, 'the turned box is the upright box around the turned word');
  });

  it('skips stripes without words and numbers on from the last one read', () => {
    const page = stackStripes(
      [
        { top: 0, height: 500, blocks: [], rotateRadians: 0 },
        { top: 500, height: 500, blocks: [block([[['Jobcenter', 10, 10]]])], rotateRadians: 0 },
      ],
      size,
    );

    assert.equal(page.text, 'Jobcenter');
    assert.deepEqual([page.words[0].line, page.words[0].block, page.words[0].box[1]], [0, 0, 510]);
  });
});
