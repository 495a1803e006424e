import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { blankPdf, brokenPdf, heavyPdf } from '../../../test/support/preview-pdfs';
import { PdfError } from '../../pdf/pdf.errors';
import { PageRenderThread } from './page-render-thread';

const load = (bytes: Uint8Array) => () => Promise.resolve(bytes);
const isPdfError = (code: string) => (error: unknown) => error instanceof PdfError && error.code === code;

describe('PageRenderThread', () => {
  const threads: PageRenderThread[] = [];
  const thread = (options = {}) => {
    const sut = new PageRenderThread(options);
    threads.push(sut);
    return sut;
  };
  after(() => Promise.all(threads.map((sut) => sut.close())));

  it('draws off the event loop: it stays idle while a heavy page is drawn, a timer set meanwhile fires first', async () => {
    const sut = thread();
    const bytes = await heavyPdf();
    // Opened first, so that only drawing the page is left.
    await sut.sizes('heavy', load(bytes), 110);
    const events: string[] = [];
    const before = performance.eventLoopUtilization();
    const drawing = sut.render('heavy', load(bytes), 1, 110).then(() => events.push('page'));
    setTimeout(() => events.push('timer'), 1);
    await drawing;
    const { utilization } = performance.eventLoopUtilization(before);
    assert.deepEqual(events, ['timer', 'page']);
    assert.ok(utilization < 0.1, `the event loop was busy ${Math.round(utilization * 100)} % of the drawing`);
  });

  it('asks for a document once while it is open, and answers a page beyond the end with undefined', async () => {
    const sut = thread();
    const bytes = await blankPdf(3);
    let loads = 0;
    const counted = () => {
      loads++;
      return Promise.resolve(bytes);
    };
    assert.deepEqual(await sut.sizes('a', counted, 110), Array(3).fill({ width: 909, height: 1286 }));
    for (const page of [1, 2, 3]) {
      const rendered = await sut.render('a', counted, page, 110);
      assert.deepEqual([rendered!.width, rendered!.height, rendered!.pageCount], [909, 1286, 3]);
      assert.equal(rendered!.png.subarray(1, 4).toString('latin1'), 'PNG');
    }
    assert.equal(await sut.render('a', counted, 4, 110), undefined);
    assert.equal(loads, 1);
    assert.equal(bytes.length > 0, true, 'the caller’s bytes are not taken away');
  });

  it('answers a broken PDF with PDF_UNREADABLE and draws the next page in the same thread', async () => {
    const sut = thread();
    await assert.rejects(sut.render('broken', load(brokenPdf()), 1, 110), isPdfError('PDF_UNREADABLE'));
    await assert.rejects(sut.sizes('broken', load(brokenPdf()), 110), isPdfError('PDF_UNREADABLE'));
    const next = await sut.render('fine', load(await blankPdf()), 1, 110);
    assert.equal(next!.width, 909);
    assert.equal(sut.threadsStarted, 1);
  });

  it('stops a thread that takes too long (PDF_UNREADABLE) and draws the next page in a new one', async () => {
    // The limit runs from when the thread has loaded pdf.js: a small page fits, the heavy one not.
    const sut = thread({ timeoutMs: 300 });
    const small = await blankPdf();
    assert.equal((await sut.render('small', load(small), 1, 20))!.pageCount, 1);
    await assert.rejects(sut.render('heavy', load(await heavyPdf()), 1, 110), (error: unknown) => {
      assert.ok(isPdfError('PDF_UNREADABLE')(error));
      assert.match((error as Error).message, /longer than 300 ms/);
      return true;
    });
    assert.equal((await sut.render('small', load(small), 1, 20))!.pageCount, 1);
    assert.equal(sut.threadsStarted, 2);
  });
});
