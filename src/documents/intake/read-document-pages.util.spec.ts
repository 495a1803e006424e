import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { renderTextImage, scannedPdf, textLayerPdf } from '../../../test/documents/letter-image.factory';
import { DocumentIntakeError, type DocumentIntakeErrorCode } from './document-intake.errors';
import { documentIntakeMessage } from './document-intake-messages.util';
import { readDocumentPages as sut } from './read-document-pages.util';
import { readStreamWithLimit } from './read-stream-with-limit.util';
import { sniffType } from './sniff-type.util';

async function refusedWith(code: DocumentIntakeErrorCode, work: Promise<unknown>): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof DocumentIntakeError, `expected DocumentIntakeError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
}

/** A valid PNG header (signature + IHDR with a correct CRC) claiming the given size, and no pixels. */
function pngHeaderClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const type = Buffer.from('IHDR', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, ihdr])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    length,
    type,
    ihdr,
    crc,
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('sniffType', () => {
  it('decides by magic numbers, not names', async () => {
    const png = renderTextImage(['Test'], 200, 20);
    assert.equal(sniffType(png), 'image/png');
    assert.equal(sniffType(await sharp(png).jpeg().toBuffer()), 'image/jpeg');
    assert.equal(sniffType(await sharp(png).webp().toBuffer()), 'image/webp');
    assert.equal(sniffType(await sharp(png).tiff().toBuffer()), 'image/tiff');
    assert.equal(sniffType(Buffer.from('MM\u0000*rest', 'latin1')), 'image/tiff');
    assert.equal(
      sniffType(Buffer.concat([Buffer.alloc(300, 0x20), Buffer.from('%PDF-1.7\n')])),
      'application/pdf',
    );
    assert.equal(
      sniffType(Buffer.from('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000', 'latin1')),
      'image/heic',
    );
    assert.equal(sniffType(Buffer.from('GIF89a')), null);
    assert.equal(sniffType(Buffer.from('<html><body>%PDF-</body>'.padStart(2000, ' '))), null);
  });
});

describe('readDocumentPages refuses bad input with a code', () => {
  it('refuses an empty file', () => refusedWith('FILE_EMPTY', sut(new Uint8Array(0))));

  it('refuses random bytes and HEIC with their own codes', async () => {
    let seed = 42;
    const random = Buffer.alloc(4096, 0).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    await refusedWith('UNSUPPORTED_TYPE', sut(random));
    await refusedWith(
      'HEIC_NOT_SUPPORTED',
      sut(Buffer.from('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000', 'latin1')),
    );
  });

  it('refuses a file over the size limit before looking at it', () =>
    refusedWith('FILE_TOO_LARGE', sut(Buffer.alloc(2048, 1), { maxBytes: 1024 })));

  it('refuses a PNG header claiming 100000 x 100000 pixels from the header alone, fast', async () => {
    const started = Date.now();
    await refusedWith('IMAGE_TOO_LARGE', sut(pngHeaderClaiming(100_000, 100_000)));
    assert.ok(Date.now() - started < 2000);
  });

  it('refuses a truncated JPEG and a truncated PDF as damaged', async () => {
    const jpeg = await sharp(renderTextImage(['Test'], 400, 20))
      .jpeg()
      .toBuffer();
    await refusedWith('FILE_DAMAGED', sut(jpeg.subarray(0, Math.floor(jpeg.length / 2))));
    const pdf = await textLayerPdf(['Familienkasse']);
    await refusedWith('FILE_DAMAGED', sut(pdf.subarray(0, Math.floor(pdf.length * 0.7))));
  });

  it('refuses a PDF with a user password', async () => {
    const document = await PDFDocument.create();
    document.addPage([595, 842]);
    document.encrypt({ userPassword: 'geheim', ownerPassword: 'auchgeheim' });
    await refusedWith('PDF_ENCRYPTED', sut(await document.save()));
  });

  it('refuses a PDF with 10,000 pages from the page count, without reading the pages', async () => {
    const document = await PDFDocument.create();
    for (let index = 0; index < 10_000; index += 1) {
      document.addPage([595, 842]);
    }
    const bytes = await document.save({ useObjectStreams: true });
    const started = Date.now();
    await refusedWith('TOO_MANY_PAGES', sut(bytes));
    assert.ok(Date.now() - started < 10_000);
  });

  it('refuses a 200 x 200 inch page', async () => {
    const document = await PDFDocument.create();
    document.addPage([200 * 72, 200 * 72]);
    await refusedWith('PAGE_TOO_LARGE', sut(await document.save()));
  });

  it('refuses a multi-page TIFF over the page limit', async () => {
    const page = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const tiff = await sharp([page, page, page], { join: { animated: true } })
      .tiff()
      .toBuffer();
    const pages = await sut(tiff, { maxPages: 5 });
    assert.equal(pages.pages.length, 3);
    await refusedWith('TOO_MANY_PAGES', sut(tiff, { maxPages: 2 }));
  });

  it('stops a step that takes too long (watchdog on the PDF thread)', async () => {
    const pdf = await textLayerPdf(['Familienkasse Nordrhein-Westfalen, Kindergeldnummer 123FK456789']);
    await refusedWith('PROCESSING_TIMEOUT', sut(pdf, { stepTimeoutMs: 1 }));
  });
});

describe('readDocumentPages reads good input', () => {
  it('reads a text-layer PDF directly with word boxes in points', async () => {
    const result = await sut(
      await textLayerPdf(['Familienkasse Nordrhein-Westfalen', 'Kindergeldnummer 123FK456789']),
    );
    assert.equal(result.type, 'application/pdf');
    const [source] = result.pages;
    assert.equal(source.kind, 'text');
    if (source.kind !== 'text') {
      return;
    }
    assert.equal(source.page.source, 'text-layer');
    assert.equal(source.page.text, 'Familienkasse Nordrhein-Westfalen\nKindergeldnummer 123FK456789');
    const number = source.page.words.find((word) => word.text === '123FK456789');
    assert.ok(number);
    assert.equal(number.line, 1);
    // drawn at x=60, baseline y=760 (from the bottom of 842): top-left origin puts it near y=82-0.8*12.
    assert.ok(number.box[0] > 60 && number.box[1] > 65 && number.box[1] < 80, JSON.stringify(number.box));
  });

  it('renders a scanned PDF page at 300 dpi and applies EXIF orientation to photos', async () => {
    const scanned = await sut(await scannedPdf(renderTextImage(['Test'], 400, 20)));
    const [page] = scanned.pages;
    assert.equal(page.kind, 'image');
    if (page.kind === 'image') {
      assert.equal(page.image.dpi, 300);
      assert.equal(page.image.width, Math.floor((595 * 300) / 72));
      // One grey channel on white: what OCR reads, without three times the pixels.
      const meta = await sharp(page.image.png).metadata();
      assert.deepEqual([meta.channels, meta.hasAlpha], [1, false]);
      assert.equal(
        (await sharp(page.image.png).stats()).channels[0].max,
        255,
        'the page is white, not transparent',
      );
    }
    const photo = await sharp(renderTextImage(['Test'], 400, 20))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const [upright] = (await sut(photo)).pages;
    assert.ok(upright.kind === 'image' && upright.image.height > upright.image.width);
    assert.equal((await sharp(upright.image.png).metadata()).channels, 1);
  });
});

describe('readStreamWithLimit', () => {
  it('refuses a 5 GB upload after about the limit without reading the rest', async () => {
    let chunksRead = 0;
    let closed = false;
    async function* fiveGigabytes() {
      try {
        await Promise.resolve();
        const chunk = new Uint8Array(1024 * 1024);
        for (let index = 0; index < 5 * 1024; index += 1) {
          chunksRead += 1;
          yield chunk;
        }
      } finally {
        closed = true;
      }
    }
    await refusedWith('FILE_TOO_LARGE', readStreamWithLimit(fiveGigabytes(), 20 * 1024 * 1024));
    assert.equal(chunksRead, 21);
    assert.ok(closed, 'the source is closed');
  });

  it('returns all bytes under the limit', async () => {
    async function* small() {
      await Promise.resolve();
      yield Buffer.from('abc');
      yield 'def';
    }
    assert.equal((await readStreamWithLimit(small(), 10)).toString(), 'abcdef');
  });
});

describe('documentIntakeMessage', () => {
  it('speaks German first and names the limit in MB', () => {
    assert.equal(
      documentIntakeMessage('FILE_TOO_LARGE', 'de', { limit: 20 * 1024 * 1024 }),
      'Die Datei ist zu groß. Erlaubt sind bis zu 20 MB. Bitte senden Sie ein kleineres Foto.',
    );
    assert.match(documentIntakeMessage('PDF_ENCRYPTED', 'en'), /password/);
    assert.match(documentIntakeMessage('TOO_MANY_PAGES', 'xx', { limit: 20 }), /20 Seiten/);
  });
});
