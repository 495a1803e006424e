import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from '@cantoo/pdf-lib';
import { loadPdf } from './load-pdf.util';
import { trackChangesQuickly } from './track-changes.util';

/** A small PDF with one page whose /Resources are a dictionary nested in the page object. */
async function samplePdf(): Promise<{ bytes: Uint8Array; infoRef: PDFRef }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([200, 200]);
  page.node.set(PDFName.of('Resources'), doc.context.obj({ Marker: PDFArray.withContext(doc.context) }));
  const infoRef = doc.context.register(doc.context.obj({ Title: PDFString.of('vorher') }));
  doc.catalog.set(PDFName.of('Sample'), infoRef);
  return { bytes: await doc.save({ useObjectStreams: true }), infoRef };
}

/** Applies the update after the original and opens the result. */
async function reopen(original: Uint8Array, update: Uint8Array): Promise<PDFDocument> {
  return loadPdf(Buffer.concat([original, update]));
}

describe('trackChangesQuickly', () => {
  it('writes an object whose nested dictionary or array changed', async () => {
    const { bytes } = await samplePdf();
    const doc = await loadPdf(bytes, { forIncrementalUpdate: true });
    trackChangesQuickly(doc);
    const resources = doc.getPage(0).node.lookup(PDFName.of('Resources'), PDFDict);
    resources.lookup(PDFName.of('Marker'), PDFArray).push(PDFNumber.of(42));
    resources.set(PDFName.of('Changed'), PDFString.of('ja'));

    const update = await doc.saveIncremental(doc.context.snapshot!, { useObjectStreams: true });
    const reopened = (await reopen(bytes, update)).getPage(0).node.lookup(PDFName.of('Resources'), PDFDict);
    assert.equal(reopened.lookup(PDFName.of('Marker'), PDFArray).size(), 1);
    assert.equal(reopened.lookup(PDFName.of('Changed'), PDFString).asString(), 'ja');
  });

  it('writes an object replaced at its reference, which the library itself does not mark', async () => {
    const { bytes, infoRef } = await samplePdf();
    const doc = await loadPdf(bytes, { forIncrementalUpdate: true });
    trackChangesQuickly(doc);
    doc.context.assign(infoRef, doc.context.obj({ Title: PDFString.of('nachher') }));

    const update = await doc.saveIncremental(doc.context.snapshot!, { useObjectStreams: true });
    const reopened = await reopen(bytes, update);
    const sample = reopened.catalog.lookup(PDFName.of('Sample'), PDFDict);
    assert.equal(sample.lookup(PDFName.of('Title'), PDFString).asString(), 'nachher');
  });

  it('writes nothing of the objects that did not change', async () => {
    const { bytes } = await samplePdf();
    const doc = await loadPdf(bytes, { forIncrementalUpdate: true });
    trackChangesQuickly(doc);
    doc
      .getPage(0)
      .node.lookup(PDFName.of('Resources'), PDFDict)
      .set(PDFName.of('Changed'), PDFString.of('ja'));

    const update = Buffer.from(await doc.saveIncremental(doc.context.snapshot!, { useObjectStreams: false }));
    // The page and the catalog (marked when the snapshot is taken); not the "Sample" object.
    assert.doesNotMatch(update.toString('latin1'), /vorher/);
    assert.match(update.toString('latin1'), /\/Changed \(ja\)/);
  });
});
