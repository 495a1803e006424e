import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from '@cantoo/pdf-lib';
import { OpenPdfs } from './open-pdfs.util';
import { pageSizesOf, renderPageOf } from './pdf-page-render.util';

async function pdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) {
    document.addPage([595.28, 841.89]);
  }
  return document.save();
}

describe('OpenPdfs', () => {
  it('draws every page of a document from one opening, at the size it announced', async () => {
    const sut = new OpenPdfs(2, 60_000);
    const bytes = await pdf(3);
    let loads = 0;
    const load = () => {
      loads++;
      return Promise.resolve(bytes);
    };
    try {
      const sizes = await sut.with('a', load, (document) => pageSizesOf(document, 110));
      assert.deepEqual(sizes, Array(3).fill({ width: 909, height: 1286 }));
      for (const page of [1, 2, 3]) {
        const rendered = await sut.with('a', load, (document) => renderPageOf(document, page, 110));
        assert.deepEqual([rendered!.width, rendered!.height], [909, 1286]);
      }
      assert.equal(await sut.with('a', load, (document) => renderPageOf(document, 4, 110)), undefined);
      assert.equal(loads, 1, 'opened once');
    } finally {
      await sut.close();
    }
  });

  it('keeps at most `max` documents, the least recently used goes first, never one in use', async () => {
    const sut = new OpenPdfs(1, 60_000);
    const bytes = await pdf(1);
    const loads: string[] = [];
    const load = (key: string) => () => {
      loads.push(key);
      return Promise.resolve(bytes);
    };
    try {
      await sut.with('a', load('a'), (document) =>
        // While "a" is drawn, "b" is opened: "a" stays open under its user.
        sut.with('b', load('b'), () => {
          assert.equal(document.numPages, 1);
          assert.equal(sut.size, 2);
          return Promise.resolve();
        }),
      );
      await sut.with('c', load('c'), () => Promise.resolve());
      assert.equal(sut.size, 1);
      await sut.with('c', load('c'), () => Promise.resolve());
      await sut.with('a', load('a'), () => Promise.resolve());
      assert.deepEqual(loads, ['a', 'b', 'c', 'a']);
    } finally {
      await sut.close();
    }
  });

  it('closes documents nobody used for a while, and forgets one that could not be opened', async () => {
    const sut = new OpenPdfs(4, 1000);
    try {
      await sut.with(
        'a',
        () => pdf(1),
        () => Promise.resolve(),
      );
      assert.equal(sut.size, 1);
      await new Promise((resolve) => setTimeout(resolve, 2200));
      assert.equal(sut.size, 0);
      await assert.rejects(
        sut.with(
          'broken',
          () => Promise.resolve(new Uint8Array([1, 2, 3])),
          () => Promise.resolve(),
        ),
      );
      assert.equal(sut.size, 0);
    } finally {
      await sut.close();
    }
  });
});
