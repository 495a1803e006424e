import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { orientationSample, preprocessPage, rotatePage } from './preprocess-page.util';

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

describe('preprocessPage', () => {
  it('hands tesseract one grey channel at the target resolution, untouched when the scan is clean', async () => {
    const png = await page({ width: 2480, height: 3508, channels: 1, paper: 255, ink: 0 });

    const result = await preprocessPage({ page: 1, png, width: 2480, height: 3508, dpi: 300 });

    const meta = await sharp(result.png).metadata();
    assert.equal(meta.channels, 1, 'one channel: three would triple the data tesseract decodes');
    assert.deepEqual([result.width, result.height, result.scale, result.stretched], [2480, 3508, 1, false]);
    assert.equal(result.png, png, 'a clean grey page is not encoded again');
  });

  it('encodes a clean grey page again when it comes with three channels', async () => {
    const png = await page({ width: 2480, height: 3508, channels: 3, paper: 255, ink: 0 });

    const result = await preprocessPage({ page: 1, png, width: 2480, height: 3508, dpi: 300 });

    assert.notEqual(result.png, png);
    const meta = await sharp(result.png).metadata();
    assert.deepEqual([meta.channels, meta.density], [1, 300]);
  });

  it('turns a dull colour photo at 150 dpi into a stretched grey page at 300 dpi', async () => {
    const png = await page({ width: 1240, height: 1754, channels: 3, paper: 160, ink: 110 });

    const result = await preprocessPage({ page: 1, png, width: 1240, height: 1754 });

    const meta = await sharp(result.png).metadata();
    assert.equal(meta.channels, 1);
    assert.ok(Math.abs(result.scale - 2) < 0.01, `scale ${result.scale}`);
    assert.equal(result.stretched, true);
    const { channels } = await sharp(result.png).stats();
    assert.ok(
      channels[0].min < 30 && channels[0].max > 225,
      'the contrast is stretched to nearly black and white',
    );
  });

  it('makes a small grey copy for orientation detection and turns pages by quarter turns', async () => {
    const png = await page({ width: 2480, height: 3508, channels: 1, paper: 255, ink: 0 });

    const sample = await sharp(await orientationSample(png)).metadata();
    assert.deepEqual([sample.channels, Math.min(sample.width!, sample.height!)], [1, 1000]);

    const turned = await rotatePage(png, 90);
    assert.deepEqual([turned.width, turned.height], [3508, 2480]);
    assert.equal((await sharp(turned.png).metadata()).channels, 1);
  });
});
