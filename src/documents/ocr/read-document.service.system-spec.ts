import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { renderTextImage, sampleLetterLines, scannedPdf } from '../../../test/documents/letter-image.factory';
import { InProcessOcrQueue } from './in-process-ocr-queue';
import { DocumentReader } from './read-document.service';
import { toOriginalBox } from './to-original-box.util';

// Heavier OCR checks (several seconds each): turned pages, skew, scanned PDFs.
describe('DocumentReader with OCR', () => {
  const queue = new InProcessOcrQueue({ size: 2 });
  const sut = new DocumentReader(queue);
  after(() => queue.close());

  for (const degrees of [90, 180, 270] as const) {
    it(`turns a page rotated by ${degrees} degrees upright and reads it`, async () => {
      const photo = await sharp(renderTextImage()).rotate(degrees).jpeg({ quality: 90 }).toBuffer();
      const result = await sut.read(photo);
      assert.equal(result.ocr[0].rotatedDegrees, (360 - degrees) % 360);
      assert.match(result.document.pages[0].text, /Familienkasse Nordrhein-Westfalen/);
      assert.match(result.document.pages[0].text, /15\.12\.2026/);
      // The first line sits along the photo's edge that was the page's top before it was turned.
      const page = result.document.pages[0];
      const word = page.words.find((candidate) => candidate.text === 'Familienkasse');
      assert.ok(word, page.text);
      const [x, y, w, h] = toOriginalBox(page, word.box);
      const { width = 0, height = 0 } = await sharp(photo).metadata();
      const near = { 90: x + w > width * 0.8, 180: y + h > height * 0.6, 270: x < width * 0.2 }[degrees];
      assert.ok(near && (degrees === 180 ? w > h : h > w), JSON.stringify([x, y, w, h, width, height]));
    });
  }

  it('corrects a skew of 3 degrees', async () => {
    const photo = await sharp(renderTextImage()).rotate(3, { background: '#ffffff' }).png().toBuffer();
    const result = await sut.read(photo);
    assert.ok(
      Math.abs(Math.abs(result.ocr[0].skewRadians) - (3 * Math.PI) / 180) < 0.01,
      String(result.ocr[0].skewRadians),
    );
    assert.match(result.document.pages[0].text, /Schulbescheinigung/);
  });

  it('reads a scanned PDF through rendering and OCR', async () => {
    const result = await sut.read(await scannedPdf(renderTextImage(sampleLetterLines, 1600, 40)));
    assert.equal(result.type, 'application/pdf');
    assert.equal(result.document.pages[0].source, 'ocr');
    assert.match(result.document.pages[0].text, /Familienkasse/);
  });
});
