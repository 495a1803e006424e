import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { orientationSample, preprocessPage, rotatePage, toPgm, type GreyPage } from './preprocess-page.util';

/** A page: white (or grey paper) with dark bars where text would be. */
async function page(options: {
  width: number;
  height: number;
  channels: 1 | 3;
  paper: number;
  ink: number;
}): Promise<Buffer> {
  const { width, height, channels, paper, ink } = options;
  const pixels = Buffer.alloc(width * height * channels, paper);
  for (let y = Math.floor(height * 0.2); y < height * 0.8; y += 40) {
    for (let row = y; row < y + 12; row++) {
      pixels.fill(
        ink,
        row * width * channels + width * channels * 0.1,
        row * width * channels + width * channels * 0.9,
      );
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels } });
  // As the intake writes pages: one channel stays one channel only with b-w.
  return (channels === 1 ? image.toColourspace('b-w') : image).png({ compressionLevel: 1 }).toBuffer();
}

function stats(page: GreyPage): { min: number; max: number } {
  let [min, max] = [255, 0];
  for (const value of page.grey) {
    [min, max] = [Math.min(min, value), Math.max(max, value)];
  }
  return { min, max };
}

describe('preprocessPage', () => {
  it('gives one grey byte per pixel at the target resolution, untouched when the scan is clean', async () => {
    const png = await page({ width: 2480, height: 3508, channels: 1, paper: 255, ink: 0 });

    const result = await preprocessPage({ page: 1, png, width: 2480, height: 3508, dpi: 300 });

    assert.deepEqual([result.width, result.height, result.scale, result.stretched], [2480, 3508, 1, false]);
    assert.equal(result.grey.length, 2480 * 3508, 'one channel: three would triple what tesseract reads');
    const { data } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    assert.ok(result.grey.equals(data), "the pixels are the scan's own");
  });

  it('keeps one channel when a clean page comes with three', async () => {
    const png = await page({ width: 2480, height: 3508, channels: 3, paper: 255, ink: 0 });

    const result = await preprocessPage({ page: 1, png, width: 2480, height: 3508, dpi: 300 });

    assert.equal(result.grey.length, 2480 * 3508);
    assert.deepEqual(stats(result), { min: 0, max: 255 });
  });

  it('turns a dull colour photo at 150 dpi into a stretched grey page at 300 dpi', async () => {
    const png = await page({ width: 1240, height: 1754, channels: 3, paper: 160, ink: 110 });

    const result = await preprocessPage({ page: 1, png, width: 1240, height: 1754 });

    assert.ok(Math.abs(result.scale - 2) < 0.01, `scale ${result.scale}`);
    assert.ok(
      Math.abs(result.width - 2480) <= 2 && Math.abs(result.height - 3508) <= 2,
      `${result.width}x${result.height}`,
    );
    assert.equal(result.grey.length, result.width * result.height);
    assert.equal(result.stretched, true);
    const { min, max } = stats(result);
    assert.ok(min < 30 && max > 225, `the contrast is stretched to nearly black and white: ${min}..${max}`);
  });

  it('makes a small grey copy for orientation detection and turns pages by quarter turns', async () => {
    const png = await page({ width: 2480, height: 3508, channels: 1, paper: 255, ink: 0 });
    const grey = await preprocessPage({ page: 1, png, width: 2480, height: 3508, dpi: 300 });

    const sample = await sharp(await orientationSample(grey)).metadata();
    assert.deepEqual([sample.channels, Math.min(sample.width!, sample.height!)], [1, 1000]);

    const turned = await rotatePage(grey, 90);
    assert.deepEqual([turned.width, turned.height, turned.grey.length], [3508, 2480, 2480 * 3508]);
  });
});

describe('toPgm', () => {
  it('writes rows of a grey page as a PGM that leaves the first 500 bytes to the header', () => {
    const grey: GreyPage = { grey: Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), width: 3, height: 4 };

    const stripe = toPgm(grey, 1, 3);

    const headerEnd = stripe.length - 6;
    // tesseract.js searches the first 500 bytes of an image for an EXIF orientation tag.
    assert.ok(headerEnd > 500, `header of ${headerEnd} bytes`);
    assert.match(stripe.subarray(0, headerEnd).toString('latin1'), /^P5\n#[^\n]*\n3 2\n255\n$/);
    assert.deepEqual([...stripe.subarray(headerEnd)], [3, 4, 5, 6, 7, 8]);
    assert.equal(toPgm(grey).length, headerEnd + 12, 'the whole page: same header length, all 12 pixels');
  });
});
