// Entry of a PDF worker thread (see PdfRenderPool): filling forms is CPU-bound, and running it here
// keeps the chat's event loop free while a family's PDFs are made.
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { PdfError } from '../pdf.errors';
import { PdfRenderJob, PdfRenderReply } from './pdf-render-job.types';
import { PdfRenderer } from './pdf-renderer';

const port = parentPort;
if (!port) {
  throw new Error('pdf-render.worker must run as a worker thread.');
}
const renderer = new PdfRenderer();

// Chat turns come first: on Linux a thread has its own nice value, and pid 0 names this thread only,
// so the service's main thread keeps its priority. (Elsewhere pid 0 would be the whole process.)
if (process.platform === 'linux') {
  try {
    setPriority(0, constants.priority.PRIORITY_LOW);
  } catch {
    // not allowed in this container: the fill runs at normal priority
  }
}

port.on('message', (message: { id: number; job: PdfRenderJob }) => {
  renderer.render(message.job).then(
    (bytes) => {
      const reply: PdfRenderReply = { id: message.id, ok: true, bytes };
      // Moved, not copied: the filled form can be a few megabytes.
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: PdfRenderReply = {
        id: message.id,
        ok: false,
        error: {
          message: error instanceof Error ? error.message : String(error),
          code: error instanceof PdfError ? error.code : undefined,
        },
      };
      port.postMessage(reply);
    },
  );
});
