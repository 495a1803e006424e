import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { AnswerSummary, FillMode, FillPlan } from '../fill-plan';
import { PdfError } from '../pdf.errors';
import { PdfRenderJob, PdfRenderReply } from './pdf-render-job.types';
import { PdfRenderer } from './pdf-renderer';

export interface PdfRenderPoolOptions {
  /** Worker threads that fill PDFs; 0 fills in the calling thread (blocks the event loop). */
  workers: number;
  /** Heap limit of one worker; a fill beyond it stops that worker only. Default 512 MB. */
  workerHeapMb?: number;
}

export const PDF_RENDER_OPTIONS = Symbol('PDF_RENDER_OPTIONS');

/** A runaway fill stops its worker, not the service (ERR_WORKER_OUT_OF_MEMORY). */
const defaultWorkerHeapMb = 512;
const workerScript = join(__dirname, 'pdf-render.worker.js');

interface Task {
  id: number;
  job: PdfRenderJob;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Fills forms and renders summaries in worker threads, one job per worker at a time, first come
 * first served. Workers start on the first job and stay; a worker that dies fails its job only and
 * is replaced for the next one. Each worker prepares (decrypts) a template once and keeps it.
 */
@Injectable()
export class PdfRenderPool implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderPool.name);
  private readonly size: number;
  private readonly workerHeapMb: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];
  private workers = 0;
  private nextId = 1;
  private closed = false;
  private inProcess?: PdfRenderer;

  constructor(@Optional() @Inject(PDF_RENDER_OPTIONS) options?: PdfRenderPoolOptions) {
    // Without the compiled worker script (running from TypeScript sources) the fill stays in-process.
    this.size = existsSync(workerScript) ? (options?.workers ?? 1) : 0;
    this.workerHeapMb = options?.workerHeapMb ?? defaultWorkerHeapMb;
  }

  /** The filled official form (see PdfFillerService.fill for the errors). */
  fill(templatePath: string, sha256: string, plan: FillPlan, mode: FillMode): Promise<Uint8Array> {
    return this.run({ kind: 'fill', templatePath, sha256, plan, mode });
  }

  /** A readable copy of the answers (see SummaryPdfService). */
  renderSummary(summary: AnswerSummary): Promise<Uint8Array> {
    return this.run({ kind: 'summary', summary });
  }

  onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) {
      task.reject(new Error('The service is shutting down; the PDF was not made.'));
    }
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    return Promise.all(all.map((worker) => worker.terminate())).then(() => undefined);
  }

  private run(job: PdfRenderJob): Promise<Uint8Array> {
    if (this.size === 0) {
      return (this.inProcess ??= new PdfRenderer()).render(job);
    }
    if (this.closed) {
      return Promise.reject(new Error('The service is shutting down; the PDF was not made.'));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? this.spawn();
      if (!worker) {
        return;
      }
      const task = this.waiting.shift()!;
      this.busy.set(worker, task);
      // Only a busy worker keeps the process alive (a CLI waiting for its PDF must not exit).
      worker.ref();
      worker.postMessage({ id: task.id, job: task.job });
    }
  }

  private spawn(): Worker | undefined {
    if (this.workers >= this.size || this.closed) {
      return undefined;
    }
    const worker = new Worker(workerScript, {
      resourceLimits: { maxOldGenerationSizeMb: this.workerHeapMb },
    });
    this.workers++;
    worker.on('message', (reply: PdfRenderReply) => this.settle(worker, reply));
    worker.on('error', (error) => this.logger.error(`A PDF worker failed: ${error.message}`));
    worker.on('exit', () => this.retire(worker));
    return worker;
  }

  private settle(worker: Worker, reply: PdfRenderReply): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (task && task.id === reply.id) {
      if (reply.ok) {
        task.resolve(reply.bytes);
      } else {
        task.reject(
          reply.error.code
            ? new PdfError(reply.error.code, reply.error.message)
            : new Error(reply.error.message),
        );
      }
    }
    this.dispatch();
  }

  /** A worker ended (crash, out of memory, shutdown): its job fails, the next job gets a new worker. */
  private retire(worker: Worker): void {
    this.workers--;
    const index = this.idle.indexOf(worker);
    if (index >= 0) {
      this.idle.splice(index, 1);
    }
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    task?.reject(new Error('The PDF worker stopped while making this PDF.'));
    if (!this.closed) {
      this.dispatch();
    }
  }
}
