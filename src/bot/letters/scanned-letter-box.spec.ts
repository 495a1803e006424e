import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import type { OcrPage } from '../../documents/analysis/ocr-document.types';
import { readDocumentPages } from '../../documents/intake/read-document-pages.util';
import type { IndexedQuestion } from '../../forms/definition/question-index.util';
import type { PendingProposal } from '../../interview/interview-state.types';
import { boxInPixels, renderLetterPage } from '../../review/preview/letter-page.util';
import type { Box } from '../../review/preview/letter-region.util';
import { renderPdfPage } from '../../review/preview/pdf-page-render.util';
import { kindergeldApplication } from '../../../test/support/kindergeld-application';
import { letterProposals } from './letter-proposals.util';

// Invented letter: one line with a test IBAN, so the ink on the page is exactly that line.
const IBAN_LINE = 'IBAN DE02 1203 0000 0000 2020 51';
const A4: [number, number] = [595, 842];

async function textLetter(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage(A4);
  page.drawText(IBAN_LINE, {
    x: 120,
    y: 520,
    size: 14,
    font: await document.embedFont(StandardFonts.Helvetica),
  });
  return document.save();
}

/** The same letter as a scan: its page is a PNG of the text letter, no text layer. */
async function scannedLetter(text: Uint8Array): Promise<Uint8Array> {
  const rendered = await renderPdfPage(text, 1, 200);
  const document = await PDFDocument.create();
  const page = document.addPage(A4);
  const png = await document.embedPng(rendered!.png);
  page.drawImage(png, { x: 0, y: 0, width: A4[0], height: A4[1] });
  return document.save();
}

/** Bounding box of the dark pixels of an image, in its pixels. */
async function inkBox(image: Buffer): Promise<Box> {
  const { data, info } = await sharp(image).grayscale().raw().toBuffer({ resolveWithObject: true });
  let [left, top, right, bottom] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      if (data[y * info.width + x] < 128) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  assert.ok(right >= 0, 'the page has ink');
  return [left, top, right + 1 - left, bottom + 1 - top];
}

function analysisWithIbanAt(box: Box): LetterAnalysis {
  return {
    authority: 'familienkasse',
    letterType: 'mitwirkung',
    letterDate: null,
    deadline: null,
    validUntil: null,
    appointment: null,
    references: {
      kindergeldNummer: null,
      bgNummer: null,
      kundennummer: null,
      aktenzeichen: null,
      steuerId: null,
    },
    iban: 'DE02120300000000202051',
    amounts: [],
    recipient: null,
    requestedDocuments: [],
    evidence: { iban: { page: 1, box, confidence: 0.9 } },
  };
}

async function ibanBox(page: OcrPage, evidence: Box): Promise<Box> {
  const questions: Iterable<IndexedQuestion> = (await kindergeldApplication()).questions.values();
  const proposals: PendingProposal[] = letterProposals({
    analysis: analysisWithIbanAt(evidence),
    document: { pages: [page] },
    documentId: 'doc-1',
    questions,
  });
  const box = proposals.find((proposal) => proposal.path === 'bank.iban')?.source.box;
  assert.ok(box, 'the IBAN proposal has a box');
  return [box.x, box.y, box.width, box.height];
}

function union(boxes: Box[]): Box {
  const left = Math.min(...boxes.map(([x]) => x));
  const top = Math.min(...boxes.map(([, y]) => y));
  const right = Math.max(...boxes.map(([x, , w]) => x + w));
  const bottom = Math.max(...boxes.map(([, y, , h]) => y + h));
  return [left, top, right - left, bottom - top];
}

/** `inner` lies within `outer` grown by `margin` on every side. */
function assertWithin(inner: Box, outer: Box, margin: number): void {
  const [ix, iy, iw, ih] = inner;
  const [ox, oy, ow, oh] = outer;
  const message = `${inner.join(',')} within ${outer.join(',')} ± ${margin}`;
  assert.ok(ix >= ox - margin && iy >= oy - margin, message);
  assert.ok(ix + iw <= ox + ow + margin && iy + ih <= oy + oh + margin, message);
}

describe('letter boxes of a scanned PDF letter', () => {
  it('are stored in PDF points, on the same region as the text-layer version, and cropped there', async () => {
    const text = await textLetter();
    const scan = await scannedLetter(text);

    // The text-layer letter: the IBAN line's words, in PDF points.
    const [textSource] = (await readDocumentPages(text)).pages;
    assert.equal(textSource.kind, 'text');
    const textPage = textSource.kind === 'text' ? textSource.page : undefined;
    const textBox = await ibanBox(textPage!, union(textPage!.words.map((word) => word.box)));

    // The scan: intake renders it for OCR and carries the render scale; the "OCR" box is the ink.
    const [scanSource] = (await readDocumentPages(scan)).pages;
    assert.equal(scanSource.kind, 'image');
    const image = scanSource.kind === 'image' ? scanSource.image : undefined;
    assert.ok(image!.pixelsPerPoint, 'intake carries the render scale');
    assert.ok(Math.abs(image!.pixelsPerPoint! - image!.width / A4[0]) < 0.01);
    const ocrPage: OcrPage = {
      page: 1,
      width: image!.width,
      height: image!.height,
      words: [],
      text: '',
      source: 'ocr',
      transform: {
        originalWidth: image!.width,
        originalHeight: image!.height,
        scale: 1,
        rotatedDegrees: 0,
        skewRadians: 0,
        pixelsPerPoint: image!.pixelsPerPoint,
      },
    };
    const scanBox = await ibanBox(ocrPage, await inkBox(image!.png));

    // Same region in points: the ink sits inside the text line's box (which adds ascent and
    // descent), and spans its width.
    assertWithin(scanBox, textBox, 2);
    assert.ok(Math.abs(scanBox[0] - textBox[0]) < 3 && Math.abs(scanBox[2] - textBox[2]) < 6);

    // The review crop gets points and scales them by its own rendering: on the scan's preview the
    // box lands on the ink.
    const preview = await renderLetterPage(
      { mediaType: 'application/pdf', read: () => Promise.resolve(Buffer.from(scan)) },
      1,
      150,
    );
    const pixels = boxInPixels(scanBox, preview!);
    const previewInk = await inkBox(preview!.image);
    assertWithin(previewInk, pixels, 2);
    assertWithin(pixels, previewInk, 2);
  });

  it('keeps pixel boxes of readings without a render scale (photos, older readings)', async () => {
    const page: OcrPage = {
      page: 1,
      width: 1000,
      height: 1400,
      words: [],
      text: '',
      source: 'ocr',
      transform: { originalWidth: 1000, originalHeight: 1400, scale: 1, rotatedDegrees: 0, skewRadians: 0 },
    };
    assert.deepEqual(await ibanBox(page, [100, 200, 300, 40]), [100, 200, 300, 40]);
  });
});
