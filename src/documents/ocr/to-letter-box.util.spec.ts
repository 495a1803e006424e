import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OcrPageTransform } from '../analysis/ocr-document.types';
import { toLetterBox } from './to-letter-box.util';

const transform: OcrPageTransform = {
  originalWidth: 2480,
  originalHeight: 3508,
  scale: 1,
  rotatedDegrees: 0,
  skewRadians: 0,
};

describe('toLetterBox', () => {
  it('gives text-layer boxes unchanged (PDF points)', () => {
    assert.deepEqual(toLetterBox({ width: 595, height: 842 }, [10, 20, 30, 40]), [10, 20, 30, 40]);
  });

  it('keeps pixels for a reading without a render scale (photos, older readings)', () => {
    assert.deepEqual(
      toLetterBox({ width: 2480, height: 3508, transform }, [300, 600, 900, 60]),
      [300, 600, 900, 60],
    );
  });

  it('turns a scanned PDF page box into PDF points after undoing the OCR transform', () => {
    // Rendered at 300 dpi (300/72 pixels per point), then turned a quarter for OCR.
    const page = {
      width: 3508,
      height: 2480,
      transform: { ...transform, rotatedDegrees: 90, pixelsPerPoint: 300 / 72 },
    };
    // [300, 600, 900, 60] on the received image is [2848, 300, 60, 900] on the turned one.
    assert.deepEqual(toLetterBox(page, [2848, 300, 60, 900]), [72, 144, 216, 14.4]);
  });
});
