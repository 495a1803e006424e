import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { renderTextImage } from '../../../test/documents/letter-image.factory';
import type { PageImage } from '../intake/page-source.types';
import { InProcessOcrQueue } from './in-process-ocr-queue';
import { OcrError } from './ocr.errors';
import type { OcrProgress } from './ocr-queue.types';

async function pageImage(lines: string[]): Promise<PageImage> {
  const png = renderTextImage(lines, 900, 36);
  const { info } = await sharp(png)
    .metadata()
    .then((metadata) => ({ info: metadata }));
  // 300 dpi: no rescaling, so the test stays fast.
  return { page: 1, png, width: info.width ?? 0, height: info.height ?? 0, dpi: 300 };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('InProcessOcrQueue', () => {
  const sut = new InProcessOcrQueue({ size: 2, maxWaitingPages: 3 });
  after(() => sut.close());

  it('reads known text into words with boxes, lines and confidence, and reports progress', async () => {
    const image = await pageImage(['Familienkasse Bayern', 'Kindergeldnummer 123FK456789']);
    const progress: OcrProgress[] = [];
    const [result] = await sut.enqueue({ pages: [image], detectOrientation: false }, (event) =>
      progress.push(event),
    );
    const { page } = result;
    assert.equal(page.source, 'ocr');
    assert.match(page.text, /Familienkasse Bayern\nKindergeldnummer 123FK456789/);
    const number = page.words.find((word) => word.text === '123FK456789');
    assert.ok(number, page.text);
    assert.equal(number.line, 1);
    assert.ok(number.confidence > 0.7 && number.confidence <= 1);
    const [x, y, w, h] = number.box;
    assert.ok(x > 300 && y > 60 && w > 150 && h > 20 && h < 60, JSON.stringify(number.box));
    // A clean 300 dpi page upright: not resampled, not turned, not deskewed.
    assert.deepEqual(page.transform, {
      originalWidth: image.width,
      originalHeight: image.height,
      scale: 1,
      rotatedDegrees: 0,
      skewRadians: 0,
    });
    assert.deepEqual(
      [progress[0].stage, progress.at(-1)?.stage, progress.at(-1)?.fraction],
      ['queued', 'page-done', 1],
    );
  });

  it('runs pages on both workers at once and refuses a job beyond the queue bound', async () => {
    const image = await pageImage(['Jobcenter Dortmund']);
    await sut.pool.warmUp();
    let maxRunning = 0;
    const watch = () => (maxRunning = Math.max(maxRunning, sut.stats().runningPages));
    const jobs = [
      sut.enqueue({ pages: [image, { ...image, page: 2 }] }, watch),
      sut.enqueue({ pages: [{ ...image, page: 3 }] }, watch),
    ];
    // 3 pages are waiting or running: a 2-page document is over the bound of 3 waiting pages.
    await assert.rejects(
      sut.enqueue({ pages: [image, image] }),
      (error: unknown) => error instanceof OcrError && error.code === 'OCR_BUSY',
    );
    const results = await Promise.all(jobs);
    assert.equal(maxRunning, 2);
    assert.deepEqual(
      results.flat().map((result) => result.page.page),
      [1, 2, 3],
    );
    assert.ok(results.flat().every((result) => /Jobcenter/.test(result.page.text)));
    assert.equal(sut.stats().waitingPages, 0);
  });

  it('reads a page in stripes on an idle worker and puts every word where it is on the page', async () => {
    const lines = [
      'Familienkasse Nordrhein-Westfalen',
      'Kindergeldnummer 215FK381902',
      'Bitte senden Sie uns die Schulbescheinigung',
      'bis zum 15.12.2026 zurück.',
      'Mit freundlichen Grüßen',
      'Ihre Familienkasse',
    ];
    const image = await pageImage(lines);
    await sut.pool.warmUp();

    const [striped] = await sut.enqueue({ pages: [image], detectOrientation: false });
    const whole = new InProcessOcrQueue({ size: 2, stripesPerPage: 1 });
    const [read] = await whole
      .enqueue({ pages: [image], detectOrientation: false })
      .finally(() => whole.close());

    assert.equal(striped.stripes, 2);
    assert.equal(read.stripes, 1);
    assert.equal(striped.page.text, read.page.text);
    assert.deepEqual(
      striped.page.words.map((word) => [word.text, word.line]),
      read.page.words.map((word) => [word.text, word.line]),
    );
    // The same boxes as a whole-page reading, give or take tesseract's own wobble of a few pixels.
    for (const [index, word] of striped.page.words.entries()) {
      read.page.words[index].box.forEach((value, axis) =>
        assert.ok(
          Math.abs(word.box[axis] - value) <= 3,
          `${word.text}: ${word.box.join(',')} vs ${read.page.words[index].box.join(',')}`,
        ),
      );
    }
    assert.equal(sut.stats().runningPages, 0);
  });

  it('lends a helper worker at once when one is idle, else the next one given back, unless withdrawn', async () => {
    await sut.pool.warmUp();
    await sut.pool.withWorker(async () => {
      const helper = sut.pool.lendWhenFree(() => Promise.resolve('sofort'));
      assert.equal(await helper.result, 'sofort', 'the second worker was idle');
    });

    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const busy = [sut.pool.withWorker(() => gate), sut.pool.withWorker(() => gate)];
    const served = sut.pool.lendWhenFree(() => Promise.resolve('später'));
    const withdrawn = sut.pool.lendWhenFree(() => Promise.resolve('nie'));
    withdrawn.cancel();
    const page = sut.pool.withWorker(() => Promise.resolve('Seite'));
    open();
    await Promise.all(busy);
    assert.equal(await served.result, 'später');
    assert.equal(await withdrawn.result, undefined);
    // The withdrawn request left the line: the page behind it got a worker.
    assert.equal(await page, 'Seite');
    served.cancel(); // too late to withdraw: no effect
  });

  it('reads pages whole while others wait, and the last page of a burst in stripes', async () => {
    const image = await pageImage([
      'Jobcenter Essen',
      'Einladung zu einem Gespräch',
      'am 15.12.2026 um 09:30 Uhr',
      'Mit freundlichen Grüßen',
    ]);
    await sut.pool.warmUp();

    const results = await sut.enqueue({
      pages: [1, 2, 3].map((page) => ({ ...image, page })),
      detectOrientation: false,
    });

    // Pages 1 and 2 start while page 3 waits; page 3 starts alone and the worker that finishes
    // its page next reads its second stripe.
    assert.deepEqual(
      results.map((result) => result.stripes),
      [1, 1, 2],
    );
    assert.ok(results.every((result) => result.page.text === results[0].page.text));
    assert.equal(sut.stats().runningPages, 0);
  });

  it('never reaches the network: local worker, core and language paths; no CDN address in our code', () => {
    const options = sut.pool.workerOptions();
    for (const key of ['workerPath', 'corePath', 'langPath']) {
      const value = String(options[key]);
      assert.ok(value.startsWith('/') && !/^[a-z]+:\/\//i.test(value), `${key}=${value}`);
    }
    assert.equal(options.cacheMethod, 'none');
    const langPath = String(options.langPath);
    for (const language of ['deu', 'eng', 'osd']) {
      assert.ok(readFileSync(join(langPath, `${language}.traineddata.gz`)).length > 100_000);
    }
    const built = [...filesUnder(__dirname), ...filesUnder(join(__dirname, '..', 'intake'))].filter(
      (file) => file.endsWith('.js') && !file.endsWith('spec.js'),
    );
    assert.ok(built.length > 10);
    // No web address at all, with or without a scheme ("//host.tld/..." as a CDN default would be).
    const address = /(?:[a-z]+:)?\/\/[a-z0-9-]+\.[a-z]/i;
    for (const file of built) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), address, file);
    }
  });
});
