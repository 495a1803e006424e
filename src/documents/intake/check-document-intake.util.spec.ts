import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { renderTextImage, scannedPdf, textLayerPdf } from '../../../test/documents/letter-image.factory';
import { checkDocumentIntake as sut } from './check-document-intake.util';
import { DocumentIntakeError, type DocumentIntakeErrorCode } from './document-intake.errors';

async function refusedWith(code: DocumentIntakeErrorCode, work: Promise<unknown>): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof DocumentIntakeError, `expected DocumentIntakeError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
}

async function pdfWithPages(count: number, size: [number, number] = [595, 842]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let index = 0; index < count; index += 1) {
    document.addPage(size);
  }
  return document.save();
}

// The part of the intake a Kümmerer's upload waits for; the pages are read later, in the background.
describe('checkDocumentIntake', () => {
  it('accepts a photo, a scanned PDF and a digital PDF, naming the type', async () => {
    const photo = await sharp(renderTextImage(['Familienkasse', 'Aufforderung zur Mitwirkung'], 800, 40))
      .jpeg()
      .toBuffer();
    assert.equal(await sut(photo), 'image/jpeg');
    assert.equal(await sut(await scannedPdf(renderTextImage(['Familienkasse'], 800, 40))), 'application/pdf');
    assert.equal(await sut(await textLayerPdf(['Familienkasse'])), 'application/pdf');
  });

  it('refuses what the full intake refuses without reading pages: empty, type, size, pages, page size', async () => {
    await refusedWith('FILE_EMPTY', sut(new Uint8Array()));
    await refusedWith('UNSUPPORTED_TYPE', sut(Buffer.from('Hallo, das ist kein Brief.')));
    await refusedWith('FILE_TOO_LARGE', sut(await pdfWithPages(1), { maxBytes: 100 }));
    await refusedWith('TOO_MANY_PAGES', sut(await pdfWithPages(3), { maxPages: 2 }));
    await refusedWith('PAGE_TOO_LARGE', sut(await pdfWithPages(1, [200 * 72, 200 * 72])));
  });

  it('refuses a damaged or password-protected PDF', async () => {
    const pdf = await textLayerPdf(['Familienkasse']);
    await refusedWith('FILE_DAMAGED', sut(pdf.subarray(0, Math.floor(pdf.length * 0.7))));
    const locked = await PDFDocument.create();
    locked.addPage([595, 842]);
    locked.encrypt({ userPassword: 'geheim', ownerPassword: 'auchgeheim' });
    await refusedWith('PDF_ENCRYPTED', sut(await locked.save()));
  });

  it('refuses an image whose header claims too many pixels, before decoding it', async () => {
    const big = await sharp({
      create: { width: 2000, height: 2000, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    await refusedWith('IMAGE_TOO_LARGE', sut(big, { maxPixels: 1_000_000 }));
  });
});
