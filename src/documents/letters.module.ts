import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessOcrQueue } from './ocr/in-process-ocr-queue';
import type { OcrQueue } from './ocr/ocr-queue.types';
import { DocumentReader } from './ocr/read-document.service';

/** Injection token of the OcrQueue (in-process now; a BullMQ implementation can take its place). */
export const OCR_QUEUE = Symbol('OCR_QUEUE');

/**
 * Reading letters: the OCR queue (tesseract.js workers, started on first use) and the
 * DocumentReader that turns uploaded bytes into an OcrDocument, with the limits from the
 * configuration. The queue's workers end when the application shuts down.
 */
@Module({
  providers: [
    {
      provide: OCR_QUEUE,
      inject: [AppConfig],
      useFactory: (config: AppConfig): OcrQueue =>
        new InProcessOcrQueue({ size: config.OCR_WORKERS, maxWaitingPages: config.OCR_QUEUE_LIMIT }),
    },
    {
      provide: DocumentReader,
      inject: [OCR_QUEUE, AppConfig],
      useFactory: (queue: OcrQueue, config: AppConfig) =>
        new DocumentReader(queue, {
          maxBytes: config.DOCUMENT_MAX_BYTES,
          maxPages: config.DOCUMENT_MAX_PAGES,
          maxPixels: config.DOCUMENT_MAX_PIXELS,
        }),
    },
  ],
  exports: [OCR_QUEUE, DocumentReader],
})
export class LettersModule implements OnModuleDestroy {
  constructor(@Inject(OCR_QUEUE) private readonly queue: OcrQueue) {}

  onModuleDestroy(): Promise<void> {
    return this.queue.close();
  }
}
