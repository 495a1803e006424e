// Entry of a PDF child process (see PdfRenderPool): filling forms is CPU-bound, and running it in
// its own process started under `nice` keeps the chat's event loop and its CPU time free while a
// family's PDFs are made. A process, not a thread: every thread of it runs at the lowest priority,
// V8's garbage collector threads included (a worker thread shares those with the main thread).
import { constants, setPriority } from 'node:os';
import { PdfError } from '../pdf.errors';
import { PdfRenderReply, PdfRenderRequest } from './pdf-render-job.types';
import { PdfRenderer } from './pdf-renderer';

const send = process.send?.bind(process);
if (!send) {
  throw new Error('pdf-render.worker must run as a child process with an IPC channel.');
}
const renderer = new PdfRenderer();

// Where the pool could not start this process under `nice`, lower at least the main thread.
if (process.env.ANTRAGSLOTSE_PDF_NICE !== 'started') {
  try {
    setPriority(0, constants.priority.PRIORITY_LOW);
  } catch {
    // not allowed here: the fill runs at normal priority
  }
}

// The service went away (stopped, crashed, killed): nothing left to fill for.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: PdfRenderRequest) => {
  renderer.renderAll(message.jobs).then(
    (bytes) => {
      const reply: PdfRenderReply = { id: message.id, ok: true, bytes };
      send(reply);
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
      send(reply);
    },
  );
});
