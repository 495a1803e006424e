import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OcrPageTransform } from '../analysis/ocr-document.types';
import { toOriginalBox } from './to-original-box.util';

/** The documented forward order: scale, clockwise quarter turn, skew about the centre. */
function forward(point: [number, number], transform: OcrPageTransform): [number, number] {
  let [x, y] = [point[0] * transform.scale, point[1] * transform.scale];
  let width = transform.originalWidth * transform.scale;
  let height = transform.originalHeight * transform.scale;
  for (let turns = transform.rotatedDegrees / 90; turns > 0; turns -= 1) {
    [x, y] = [height - y, x];
    [width, height] = [height, width];
  }
  const [dx, dy] = [x - width / 2, y - height / 2];
  const [cos, sin] = [Math.cos(transform.skewRadians), Math.sin(transform.skewRadians)];
  return [width / 2 + dx * cos - dy * sin, height / 2 + dx * sin + dy * cos];
}

function pageFor(transform: OcrPageTransform) {
  const turned = transform.rotatedDegrees % 180 !== 0;
  const width = Math.round(transform.originalWidth * transform.scale);
  const height = Math.round(transform.originalHeight * transform.scale);
  return { width: turned ? height : width, height: turned ? width : height, transform };
}

const base: OcrPageTransform = {
  originalWidth: 1200,
  originalHeight: 1600,
  scale: 1,
  rotatedDegrees: 0,
  skewRadians: 0,
};

describe('toOriginalBox', () => {
  it('returns the box unchanged for a text-layer page without a transform', () => {
    assert.deepEqual(toOriginalBox({ width: 595, height: 842 }, [10, 20, 30, 40]), [10, 20, 30, 40]);
  });

  it('undoes an upscaling of a low-resolution photo', () => {
    const transform = { ...base, scale: 2.5 };
    assert.deepEqual(toOriginalBox(pageFor(transform), [250, 500, 100, 50]), [100, 200, 40, 20]);
  });

  const turns: [number, [number, number, number, number]][] = [
    // Upright page 1600 x 1200 after the turn; the word sat near the original's top-left corner.
    [90, [1500, 100, 40, 200]],
    [180, [1000, 1400, 200, 40]],
    [270, [100, 1000, 40, 200]],
  ];
  for (const [degrees, turnedBox] of turns) {
    it(`undoes a clockwise quarter turn of ${degrees} degrees`, () => {
      const transform = { ...base, rotatedDegrees: degrees };
      const original = toOriginalBox(pageFor(transform), turnedBox);
      const corners = [
        forward([original[0], original[1]], transform),
        forward([original[0] + original[2], original[1] + original[3]], transform),
      ];
      const xs = corners.map(([x]) => x).sort((a, b) => a - b);
      const ys = corners.map(([, y]) => y).sort((a, b) => a - b);
      assert.deepEqual([xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0]], turnedBox);
    });
  }

  it('maps the box of a word on a page turned by 90 degrees to the top-left of the original', () => {
    // Original 1200 x 1600, word at x 100..300, y 60..100. Turned clockwise: x = 1600 - y, y = x.
    const transform = { ...base, rotatedDegrees: 90 };
    assert.deepEqual(toOriginalBox(pageFor(transform), [1500, 100, 40, 200]), [100, 60, 200, 40]);
  });

  it('undoes scale, turn and skew together: the centre of a word lands where it was', () => {
    const transform: OcrPageTransform = {
      originalWidth: 1000,
      originalHeight: 1400,
      scale: 3,
      rotatedDegrees: 270,
      skewRadians: -0.05,
    };
    const wordCentre: [number, number] = [420, 310];
    const [x, y] = forward(wordCentre, transform);
    const [left, top, width, height] = toOriginalBox(pageFor(transform), [x - 30, y - 12, 60, 24]);
    assert.ok(Math.abs(left + width / 2 - wordCentre[0]) <= 1, `${left} ${width}`);
    assert.ok(Math.abs(top + height / 2 - wordCentre[1]) <= 1, `${top} ${height}`);
    // 60 x 24 turned by 0.05 rad and scaled down by 3: a little more than 24/3 x 60/3 (quarter turn).
    assert.ok(width >= 8 && width <= 10 && height >= 20 && height <= 22, `${width} x ${height}`);
  });

  it('clips a box that reaches over the edge after deskew to the original image', () => {
    const transform = { ...base, skewRadians: 0.05 };
    const [left, top, width, height] = toOriginalBox(pageFor(transform), [0, 0, 300, 40]);
    assert.ok(left >= 0 && top >= 0 && left + width <= 1200 && top + height <= 1600);
  });
});
