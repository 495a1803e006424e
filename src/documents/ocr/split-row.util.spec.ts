import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSplitRows } from './split-row.util';

/** A white page with black text bars in the given row ranges (each bar 80 % of the width). */
function page(width: number, height: number, bars: [from: number, to: number][]): Uint8Array {
  const grey = new Uint8Array(width * height).fill(255);
  for (const [from, to] of bars) {
    for (let row = from; row < to; row += 1) {
      grey.fill(0, row * width + width * 0.1, row * width + width * 0.9);
    }
  }
  return grey;
}

/** Text lines of 10 rows with 20 blank rows between them, from `from` to `to`. */
function lines(from: number, to: number): [number, number][] {
  const bars: [number, number][] = [];
  for (let row = from; row + 10 <= to; row += 30) {
    bars.push([row, row + 10]);
  }
  return bars;
}

describe('findSplitRows', () => {
  const [width, height] = [400, 1000];

  it('cuts in a blank band where the ink is halved, not at half the height', () => {
    // Dense text in the upper part: most of a letter's words sit above its middle.
    const grey = page(width, height, lines(50, 650));

    const [row] = findSplitRows(grey, width, height, 2);

    assert.ok(row > 300 && row < 400, `row ${row}`);
    const bar = lines(50, 650).find(([from, to]) => row >= from && row < to);
    assert.equal(bar, undefined, 'the cut runs between lines, never through one');
  });

  it('gives rows for more stripes in order, each between lines', () => {
    const grey = page(width, height, lines(50, 950));

    const rows = findSplitRows(grey, width, height, 3);

    assert.equal(rows.length, 2);
    assert.ok(rows[0] < rows[1]);
    assert.ok(Math.abs(rows[0] - 350) < 40 && Math.abs(rows[1] - 650) < 40, `rows ${rows.join(',')}`);
  });

  it('does not cut a page with no blank band across it (a page lying on its side)', () => {
    // Vertical bars: text lines running from top to bottom.
    const grey = new Uint8Array(width * height).fill(255);
    for (let row = 0; row < height; row += 1) {
      for (let column = 40; column < 360; column += 30) {
        grey.fill(0, row * width + column, row * width + column + 10);
      }
    }

    assert.deepEqual(findSplitRows(grey, width, height, 2), []);
  });

  it('does not cut when one stripe would get almost all of the work', () => {
    // One block on top and a single short line near the bottom.
    const grey = page(width, height, [...lines(50, 650), [900, 910]]);
    const shortLine = page(width, height, [...lines(50, 400), [900, 910]]);

    assert.equal(findSplitRows(grey, width, height, 2).length, 1, 'a normal page is cut');
    assert.deepEqual(
      findSplitRows(
        page(width, height, [
          [100, 600],
          [900, 905],
        ]),
        width,
        height,
        2,
      ),
      [],
      'one solid block and a speck: no cut gives each stripe a quarter of the ink',
    );
    assert.equal(findSplitRows(shortLine, width, height, 2).length, 1);
  });

  it('ignores specks below the ink limit and dark edges of a photo', () => {
    const grey = page(width, height, lines(50, 950));
    // A dark table edge down the left side and single specks of dust.
    for (let row = 0; row < height; row += 1) {
      grey.fill(0, row * width, row * width + 8);
    }
    grey[520 * width + 200] = 0;

    assert.equal(findSplitRows(grey, width, height, 2).length, 1);
  });

  it('does not cut a blank page or when asked for one stripe', () => {
    assert.deepEqual(findSplitRows(page(width, height, []), width, height, 2), []);
    assert.deepEqual(findSplitRows(page(width, height, lines(50, 950)), width, height, 1), []);
  });
});
