// Entry of a PDF child process (see PdfRenderPool): filling forms is CPU-bound, and running it in
// its own process started under `nice` keeps the chat's event loop and its CPU time free while a
// family's PDFs are made. A process, not a thread: every thread of it runs at the lowest priority,
// V8's garbage collector threads included (a worker thread shares those with the main thread).
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { join } from 'node:path';
import { PdfError } from '../pdf.errors';
import {
  PdfBase,
  PdfRenderOutput,
  PdfRenderReply,
  PdfRenderRequest,
  RenderedPdf,
} from './pdf-render-job.types';
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
  renderer
    .renderAll(message.jobs)
    .then((documents) => spool(message, documents))
    .then(
      (outputs) => {
        const reply: PdfRenderReply = { id: message.id, ok: true, outputs };
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

/** Bases (prepared templates) this process has written to the spool folder, by SHA-256. */
const basesWritten = new Set<string>();

/**
 * Sealed PDFs go to files in the pool's spool folder (encrypted, so nothing personal lies there in
 * the clear), the rest over the channel. A write that fails removes the files written before it.
 * An incremental PDF's base goes there once, under its hash, for every later draft of its form.
 */
async function spool(request: PdfRenderRequest, documents: RenderedPdf[]): Promise<PdfRenderOutput[]> {
  const written: string[] = [];
  try {
    const outputs: PdfRenderOutput[] = [];
    for (const [index, document] of documents.entries()) {
      const base = document.base && {
        sha256: document.base.sha256,
        file: await spoolBase(request, document.base),
      };
      if (!request.jobs[index].seal) {
        outputs.push({ bytes: document.bytes, pdfSize: document.pdfSize, base });
        continue;
      }
      const file = join(request.spoolDir, `${randomUUID()}.sealed`);
      writeFileSync(file, document.bytes, { mode: 0o600 });
      written.push(file);
      outputs.push({ file, pdfSize: document.pdfSize, base });
    }
    return outputs;
  } catch (error) {
    for (const file of written) {
      rmSync(file, { force: true });
    }
    throw error;
  }
}

/** Writes the base under its hash (to a new name first, so that no one reads half a file). */
async function spoolBase(request: PdfRenderRequest, base: PdfBase): Promise<string> {
  const file = join(request.spoolDir, `base-${base.sha256}.pdf`);
  if (!basesWritten.has(base.sha256) || !existsSync(file)) {
    const partial = `${file}.${randomUUID()}.part`;
    writeFileSync(partial, await base.read(), { mode: 0o600 });
    renameSync(partial, file);
    basesWritten.add(base.sha256);
  }
  return file;
}
