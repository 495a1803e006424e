import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { DocumentIntakeError } from './document-intake.errors';
import type { IntakeLimits } from './intake-limits';
import type { PageSource } from './page-source.types';
import type { PdfPagesMessage, PdfPagesRequest } from './pdf-pages.protocol';

export interface ReadPdfOptions {
  /** Called once the page count is known, before the pages are read. */
  onOpened?: (pages: number) => void;
  /** Pages whose text layer has fewer visible characters are treated as scans (default 20). */
  minTextCharacters?: number;
  /** Only open and check the PDF (password, pages, page sizes): no page is read; resolves to []. */
  checkOnly?: boolean;
}

/**
 * Reads every page of a PDF: text-layer pages as OcrPages, scanned pages as grayscale PNGs.
 * The parsing runs in a worker thread with a heap limit; when the thread says nothing for
 * stepTimeoutMs it is terminated (PROCESSING_TIMEOUT): a hostile PDF cannot hang or exhaust the service.
 */
export async function readPdfPages(
  bytes: Uint8Array,
  limits: IntakeLimits,
  options: ReadPdfOptions = {},
): Promise<PageSource[]> {
  requireEndMarker(bytes);
  const worker = new Worker(join(__dirname, 'pdf-pages.worker.js'), {
    resourceLimits: { maxOldGenerationSizeMb: limits.pdfWorkerHeapMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  const pages: Promise<PageSource>[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let watchdog: NodeJS.Timeout | undefined;
      const fail = (error: DocumentIntakeError) => {
        clearTimeout(watchdog);
        reject(error);
      };
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(
          () =>
            fail(
              new DocumentIntakeError(
                'PROCESSING_TIMEOUT',
                `Reading the PDF took longer than ${limits.stepTimeoutMs} ms.`,
                {
                  limit: limits.stepTimeoutMs,
                },
              ),
            ),
          limits.stepTimeoutMs,
        );
      };
      worker.on('message', (message: PdfPagesMessage) => {
        arm();
        switch (message.type) {
          case 'opened':
            options.onOpened?.(message.pages);
            break;
          case 'text':
            pages.push(Promise.resolve({ kind: 'text', page: message.page }));
            break;
          case 'image':
            pages.push(toPageImage(message, limits));
            break;
          case 'done':
            clearTimeout(watchdog);
            resolve();
            break;
          case 'error':
            fail(
              new DocumentIntakeError(message.code, message.message, {
                limit: message.limit,
                actual: message.actual,
              }),
            );
            break;
        }
      });
      worker.on('error', (error: Error) =>
        // ERR_WORKER_OUT_OF_MEMORY and crashes inside pdf.js land here.
        fail(new DocumentIntakeError('FILE_DAMAGED', `The PDF cannot be read (${error.message}).`)),
      );
      worker.on('exit', () => fail(new DocumentIntakeError('FILE_DAMAGED', 'The PDF reader stopped early.')));
      arm();
      const request: PdfPagesRequest = {
        bytes: new Uint8Array(bytes),
        limits,
        minTextCharacters: options.minTextCharacters ?? 20,
        checkOnly: options.checkOnly,
      };
      worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    });
    return await Promise.all(pages);
  } finally {
    await worker.terminate();
  }
}

/** A complete PDF ends with %%EOF (a few bytes of trailing whitespace or garbage are allowed). */
function requireEndMarker(bytes: Uint8Array): void {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).subarray(
    Math.max(0, bytes.length - 2048),
  );
  if (tail.indexOf('%%EOF', 0, 'latin1') === -1) {
    throw new DocumentIntakeError('FILE_DAMAGED', 'The PDF is incomplete (no %%EOF at its end).');
  }
}

async function toPageImage(
  message: Extract<PdfPagesMessage, { type: 'image' }>,
  limits: IntakeLimits,
): Promise<PageSource> {
  const { data, info } = await sharp(
    Buffer.from(message.rgba.buffer, message.rgba.byteOffset, message.rgba.length),
    {
      raw: { width: message.width, height: message.height, channels: 4 },
    },
  )
    .timeout({ seconds: Math.ceil(limits.stepTimeoutMs / 1000) })
    .flatten({ background: '#ffffff' })
    // One grey channel: grayscale() alone still writes three (sRGB), three times the pixels for OCR.
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return {
    kind: 'image',
    image: {
      page: message.page,
      png: data,
      width: info.width,
      height: info.height,
      dpi: message.dpi,
      pixelsPerPoint: message.pixelsPerPoint,
    },
  };
}
