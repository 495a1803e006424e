import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Test } from '@nestjs/testing';
import sharp from 'sharp';
import { renderTextImage, textLayerPdf } from '../../test/documents/letter-image.factory';
import { loadConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DocumentIntakeError } from './intake/document-intake.errors';
import { LettersModule, OCR_QUEUE } from './letters.module';
import { OcrError } from './ocr/ocr.errors';
import type { OcrQueue } from './ocr/ocr-queue.types';
import { DocumentReader } from './ocr/read-document.service';

async function letters(env: Record<string, string>) {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', ...env })), LettersModule],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('LettersModule', () => {
  it('builds the OCR queue and the reader from the configuration and reads a photo', async () => {
    const moduleRef = await letters({ OCR_WORKERS: '1', OCR_QUEUE_LIMIT: '7' });
    try {
      const queue = moduleRef.get<OcrQueue>(OCR_QUEUE);
      const sut = moduleRef.get(DocumentReader);
      assert.equal(queue.stats().workers, 1);
      const photo = await sharp(renderTextImage()).jpeg({ quality: 90 }).toBuffer();
      const result = await sut.read(photo);
      assert.match(result.document.pages[0].text, /Familienkasse Nordrhein-Westfalen/);
      // Eight pages are over the configured bound of 7 waiting pages.
      const page = { page: 1, png: photo, width: 10, height: 10 };
      await assert.rejects(
        queue.enqueue({ pages: Array.from({ length: 8 }, () => page) }),
        (error: unknown) => error instanceof OcrError && error.code === 'OCR_BUSY',
      );
    } finally {
      await moduleRef.close();
    }
  });

  it('applies DOCUMENT_MAX_PAGES from the configuration to every read', async () => {
    const moduleRef = await letters({ OCR_WORKERS: '1', DOCUMENT_MAX_PAGES: '1' });
    try {
      const sut = moduleRef.get(DocumentReader);
      const twoPages = await textLayerPdf(['Familienkasse Bayern']).then(async (bytes) => {
        const { PDFDocument } = await import('@cantoo/pdf-lib');
        const document = await PDFDocument.load(bytes);
        const [copy] = await document.copyPages(document, [0]);
        document.addPage(copy);
        return document.save();
      });
      await assert.rejects(
        sut.read(twoPages),
        (error: unknown) => error instanceof DocumentIntakeError && error.code === 'TOO_MANY_PAGES',
      );
    } finally {
      await moduleRef.close();
    }
  });

  it('closes the OCR workers when the application shuts down', async () => {
    const moduleRef = await letters({ OCR_WORKERS: '1' });
    const queue = moduleRef.get<OcrQueue>(OCR_QUEUE);
    await moduleRef.close();
    const photo = await sharp(renderTextImage(['Jobcenter']))
      .png()
      .toBuffer();
    await assert.rejects(
      queue.enqueue({ pages: [{ page: 1, png: photo, width: 1000, height: 108, dpi: 300 }] }),
      (error: unknown) => error instanceof OcrError && error.code === 'OCR_CLOSED',
    );
  });
});
