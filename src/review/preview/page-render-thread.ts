import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
// sharp draws PNGs in the worker too: loaded here first, its native library stays loaded while
// worker threads come and go (sharp's advice for worker threads on glibc).
import 'sharp';
import { PdfError } from '../../pdf/pdf.errors';
import type {
  PageRenderAsk,
  PageRenderReply,
  PageRenderRequest,
  PageRenderWorkerData,
} from './page-render.protocol';
import type { PageSize, RenderedPage } from './pdf-page-render.util';

export interface PageRenderThreadOptions {
  /** A request not answered within this time stops the thread (PDF_UNREADABLE). Default 20 s. */
  timeoutMs?: number;
  /** Heap of the thread in MB; a PDF bomb hits this instead of the service's memory. Default 512. */
  heapMb?: number;
  /** Documents kept open in the thread (default 4), closed after `idleMs` unused (default 60 s). */
  maxOpen?: number;
  idleMs?: number;
}

interface Pending {
  resolve: (reply: PageRenderReply) => void;
  reject: (error: Error) => void;
  /** Starts the time limit; once the thread has loaded pdf.js (its start is not the PDF's time). */
  arm: () => void;
  timer?: NodeJS.Timeout;
}

/** A request on a thread that was stopped for another request's PDF: asked again on a new thread. */
class ThreadReplaced extends Error {}

const workerScript = join(__dirname, 'page-render.worker.js');

/**
 * Draws page images of PDFs in one worker thread (page-render.worker.ts), so pdf.js's hundreds of
 * milliseconds a page never run on the service's event loop. The thread keeps documents open by
 * key and asks for a document's bytes only when it does not have it; `load` is called just then.
 * A broken PDF is PdfError PDF_UNREADABLE and the thread goes on; a PDF that takes longer than
 * `timeoutMs` or overruns the heap stops the thread (its request fails, others are asked again),
 * and the next request starts a new one. The thread starts on the first request.
 */
export class PageRenderThread {
  private worker?: Worker;
  /** Whether the current worker has loaded pdf.js. */
  private ready = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private started = 0;
  private readonly timeoutMs: number;

  constructor(private readonly options: PageRenderThreadOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  /** The size of every page at `dpi`. */
  async sizes(key: string, load: () => Promise<Uint8Array>, dpi: number): Promise<PageSize[]> {
    const reply = await this.request({ kind: 'sizes', key, dpi }, load);
    return reply.kind === 'sizes' ? reply.sizes : [];
  }

  /** One page as PNG; a page the document does not have gives `undefined`. */
  async render(
    key: string,
    load: () => Promise<Uint8Array>,
    page: number,
    dpi: number,
  ): Promise<RenderedPage | undefined> {
    const reply = await this.request({ kind: 'page', key, dpi, page }, load);
    if (reply.kind !== 'page' || !reply.page) {
      return undefined;
    }
    const { png, ...rest } = reply.page;
    return { png: Buffer.from(png.buffer, png.byteOffset, png.length), ...rest };
  }

  /** Worker threads started so far (a new one after each stop). */
  get threadsStarted(): number {
    return this.started;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new PdfError('PDF_UNREADABLE', 'The page images are shutting down.'));
    await worker?.terminate();
  }

  private async request(request: PageRenderAsk, load: () => Promise<Uint8Array>): Promise<PageRenderReply> {
    let bytes: Uint8Array | undefined;
    for (let replaced = 0; ;) {
      try {
        const reply = await this.send({ ...request, bytes });
        if (reply.kind === 'error') {
          throw new PdfError(reply.code, reply.message);
        }
        if (reply.kind !== 'need-bytes') {
          return reply;
        }
        // A copy to transfer: the caller's buffer (perhaps cached) stays whole.
        bytes = new Uint8Array(await load());
      } catch (error) {
        if (!(error instanceof ThreadReplaced) || ++replaced > 2) {
          throw error;
        }
        bytes = undefined;
      }
    }
  }

  private send(request: PageRenderAsk): Promise<PageRenderReply> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        resolve,
        reject,
        arm: () => {
          pending.timer = setTimeout(() => {
            this.pending.delete(id);
            reject(new PdfError('PDF_UNREADABLE', `Drawing the PDF took longer than ${this.timeoutMs} ms.`));
            this.stop(worker, new ThreadReplaced());
          }, this.timeoutMs);
        },
      };
      this.pending.set(id, pending);
      if (this.ready) {
        pending.arm();
      }
      worker.ref();
      const message: PageRenderRequest = { ...request, id };
      worker.postMessage(message, message.bytes ? [message.bytes.buffer as ArrayBuffer] : []);
    });
  }

  private spawn(): Worker {
    const { heapMb = 512, maxOpen = 4, idleMs = 60_000 } = this.options;
    const worker = new Worker(workerScript, {
      workerData: { maxOpen, idleMs } satisfies PageRenderWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    });
    this.started++;
    this.ready = false;
    worker.on('message', (reply: PageRenderReply) => {
      if (reply.kind === 'ready') {
        this.ready = this.worker === worker;
        for (const pending of this.ready ? this.pending.values() : []) {
          pending.arm();
        }
        return;
      }
      const pending = this.pending.get(reply.id);
      if (pending) {
        this.pending.delete(reply.id);
        clearTimeout(pending.timer);
        pending.resolve(reply);
      }
      if (this.pending.size === 0) {
        // An idle thread never keeps the process alive.
        worker.unref();
      }
    });
    // ERR_WORKER_OUT_OF_MEMORY and crashes inside pdf.js: which request caused it is unknown.
    worker.on('error', (error: Error) =>
      this.stop(worker, new PdfError('PDF_UNREADABLE', `The PDF cannot be drawn (${error.message}).`)),
    );
    worker.on('exit', () =>
      this.stop(worker, new PdfError('PDF_UNREADABLE', 'The page drawing thread stopped.')),
    );
    return worker;
  }

  /** Stops `worker` if it is the current one and fails what it had with `error`. */
  private stop(worker: Worker, error: Error): void {
    if (this.worker !== worker) {
      return;
    }
    this.worker = undefined;
    this.failAll(error);
    void worker.terminate();
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject, timer } of pending) {
      clearTimeout(timer);
      reject(error);
    }
  }
}
