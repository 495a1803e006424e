// Worker thread that draws the workspace's page images with pdf.js: the forms and letters being
// looked at stay open here (OpenPdfs), so drawing a page costs the service's event loop nothing
// but two messages. A PDF that takes too long or too much memory stops this thread, not the service.
import { parentPort, workerData } from 'node:worker_threads';
import { OpenPdfs } from './open-pdfs.util';
import type { PageRenderReply, PageRenderRequest, PageRenderWorkerData } from './page-render.protocol';
import { pageSizesOf, renderPageOf, renderPdfPage } from './pdf-page-render.util';

const port = parentPort;
if (!port) {
  throw new Error('page-render.worker must run in a worker thread');
}
const { maxOpen, idleMs } = workerData as PageRenderWorkerData;
const open = new OpenPdfs(maxOpen, idleMs);

// One small page drawn first loads pdf.js, its parser, the canvas and sharp (about a second): the
// service's time limit then counts only what a PDF costs. Requests wait meanwhile.
const warmUpPdf =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
void renderPdfPage(Buffer.from(warmUpPdf, 'latin1'), 1, 10)
  .catch(() => undefined)
  .then(() => port.postMessage({ id: 0, kind: 'ready' } satisfies PageRenderReply));

port.on('message', (request: PageRenderRequest) => {
  void answer(request).then(
    ([reply, transfer]) => port.postMessage(reply, transfer),
    (error: unknown) => port.postMessage(errorReply(request.id, error)),
  );
});

async function answer(request: PageRenderRequest): Promise<[PageRenderReply, ArrayBuffer[]]> {
  const { id, key, dpi, bytes } = request;
  if (!bytes && !open.has(key)) {
    return [{ id, kind: 'need-bytes' }, []];
  }
  // Only reached with bytes when the document is not open: OpenPdfs loads just then.
  const load = () => Promise.resolve(bytes!);
  if (request.kind === 'sizes') {
    return [
      { id, kind: 'sizes', sizes: await open.with(key, load, (document) => pageSizesOf(document, dpi)) },
      [],
    ];
  }
  const rendered = await open.with(key, load, (document) => renderPageOf(document, request.page, dpi));
  if (!rendered) {
    return [{ id, kind: 'page' }, []];
  }
  // A buffer of its own to transfer (sharp's output may be memory the thread cannot hand over).
  const png = new Uint8Array(rendered.png);
  const { width, height, scale, pageCount } = rendered;
  return [{ id, kind: 'page', page: { png, width, height, scale, pageCount } }, [png.buffer]];
}

function errorReply(id: number, error: unknown): PageRenderReply {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return { id, kind: 'error', code: 'PDF_PASSWORD_REQUIRED', message: 'The PDF needs a password.' };
  }
  return {
    id,
    kind: 'error',
    code: 'PDF_UNREADABLE',
    message: `The PDF cannot be drawn (${name || 'error'}: ${message}).`,
  };
}
