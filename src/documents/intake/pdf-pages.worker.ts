// Worker thread that reads one PDF with pdf.js: text layers directly, scanned pages rendered with
// @napi-rs/canvas. It runs apart from the service so that a PDF bomb meets this thread's heap limit
// and the caller's watchdog (which terminates it), never the service's memory or event loop.
import { parentPort } from 'node:worker_threads';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { drawPage, openPdfForDrawing } from '../../pdf/pdfjs-canvas.util';
import type { PdfPagesMessage, PdfPagesRequest } from './pdf-pages.protocol';
import { textLayerToOcrPage, type TextLayerItem } from './text-layer.util';

const port = parentPort;
if (!port) {
  throw new Error('pdf-pages.worker must run in a worker thread');
}

function send(message: PdfPagesMessage, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

port.once('message', (request: PdfPagesRequest) => {
  readPages(request).then(
    () => send({ type: 'done' }),
    (error: unknown) => send(toErrorMessage(error)),
  );
});

async function readPages({ bytes, limits, minTextCharacters, checkOnly }: PdfPagesRequest): Promise<void> {
  // Bound the work on single images inside the PDF (decoded in this thread).
  const document = await openPdfForDrawing(bytes, { maxImageSize: limits.maxPixels });
  if (document.numPages > limits.maxPages) {
    send({
      type: 'error',
      code: 'TOO_MANY_PAGES',
      message: `The PDF has ${document.numPages} pages; at most ${limits.maxPages} are allowed.`,
      limit: limits.maxPages,
      actual: document.numPages,
    });
    return;
  }
  send({ type: 'opened', pages: document.numPages });
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const longest = Math.max(viewport.width, viewport.height);
    if (!(longest <= limits.maxPdfPagePoints)) {
      throw Object.assign(new Error(`Page ${number} is ${Math.round(longest)} points long.`), {
        intakeCode: 'PAGE_TOO_LARGE',
      });
    }
    if (checkOnly) {
      page.cleanup();
      continue;
    }
    const content = await page.getTextContent();
    const items: TextLayerItem[] = content.items.flatMap((item) => ('str' in item ? [item] : []));
    const characters = items.reduce((sum, item) => sum + item.str.replace(/\s/g, '').length, 0);
    if (characters >= minTextCharacters) {
      send({
        type: 'text',
        page: textLayerToOcrPage(items, viewport.transform, {
          page: number,
          width: Math.round(viewport.width),
          height: Math.round(viewport.height),
        }),
      });
    } else {
      await renderPage(document, page, number, limits);
    }
    page.cleanup();
  }
  await document.destroy();
}

async function renderPage(
  document: PDFDocumentProxy,
  page: PDFPageProxy,
  number: number,
  limits: PdfPagesRequest['limits'],
): Promise<void> {
  const base = page.getViewport({ scale: 1 });
  let scale = limits.renderDpi / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > limits.maxRenderPixels) {
    scale *= Math.sqrt(limits.maxRenderPixels / pixels);
  }
  const drawn = await drawPage(document, page, scale);
  const { width, height } = drawn;
  const rgba = new Uint8Array(drawn.rgba.buffer);
  send(
    { type: 'image', page: number, rgba, width, height, dpi: Math.round(scale * 72), pixelsPerPoint: scale },
    [rgba.buffer as ArrayBuffer],
  );
}

function toErrorMessage(error: unknown): PdfPagesMessage {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const intakeCode = (error as { intakeCode?: string } | null)?.intakeCode;
  if (intakeCode === 'PAGE_TOO_LARGE') {
    return { type: 'error', code: 'PAGE_TOO_LARGE', message, limit: undefined };
  }
  if (name === 'PasswordException') {
    return { type: 'error', code: 'PDF_ENCRYPTED', message: 'The PDF needs a password.' };
  }
  return {
    type: 'error',
    code: 'FILE_DAMAGED',
    message: `The PDF cannot be read (${name || 'error'}: ${message}).`,
  };
}
