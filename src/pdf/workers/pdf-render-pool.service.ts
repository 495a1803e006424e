import { ChildProcess, fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { PdfError } from '../pdf.errors';
import {
  PdfRenderJob,
  PdfRenderOutput,
  PdfRenderReply,
  PdfRenderRequest,
  RenderedPdf,
} from './pdf-render-job.types';
import { PdfRenderer } from './pdf-renderer';

export interface PdfRenderPoolOptions {
  /** Child processes that fill PDFs; 0 fills in the calling thread (blocks the event loop). */
  workers: number;
  /** Heap limit of one worker process; a fill beyond it stops that process only. Default 512 MB. */
  workerHeapMb?: number;
}

export const PDF_RENDER_OPTIONS = Symbol('PDF_RENDER_OPTIONS');

/** A runaway fill stops its worker process, not the service. */
const defaultWorkerHeapMb = 512;
const workerScript = join(__dirname, 'pdf-render.worker.js');
/** coreutils `nice`: starts the worker process with every one of its threads at the lowest priority. */
const niceCommand = ['/usr/bin/nice', '/bin/nice'].find((path) => existsSync(path));
/** util-linux `chrt`: starts it in Linux's SCHED_IDLE class as well (see lowPriorityLaunch). */
const chrtCommand = ['/usr/bin/chrt', '/bin/chrt'].find((path) => existsSync(path));
/** What a worker wrote to stderr is kept up to this length, for the log line when it stops. */
const stderrKeptLength = 4000;

interface Task {
  id: number;
  jobs: PdfRenderJob[];
  resolve: (documents: RenderedPdf[]) => void;
  reject: (error: Error) => void;
}

/**
 * Fills forms and renders summaries in worker processes, one request (one or more jobs) per worker
 * at a time, first come first served. Workers start on the first request and stay; a worker that
 * dies fails its request only and is replaced for the next one. Each worker prepares (decrypts) a
 * template once and keeps it.
 *
 * Processes rather than threads: started under `nice` and in the SCHED_IDLE class (see
 * lowPriorityLaunch), all of a worker's threads (V8's garbage collector helpers too) yield the CPU
 * to the chat, which a worker thread cannot do, because it shares those helpers with the main
 * thread. Plain PDFs cross the IPC channel; sealed ones (see PdfSeal) come as files in a private
 * spool folder, read into one buffer each.
 */
@Injectable()
export class PdfRenderPool implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderPool.name);
  private readonly size: number;
  private readonly workerHeapMb: number;
  private readonly idle: ChildProcess[] = [];
  private readonly busy = new Map<ChildProcess, Task>();
  private readonly waiting: Task[] = [];
  private workers = 0;
  private nextId = 1;
  private closed = false;
  private inProcess?: PdfRenderer;
  /** Where workers write sealed PDFs (mode 0700), made with the first request, removed at shutdown. */
  private spoolDir?: string;

  constructor(@Optional() @Inject(PDF_RENDER_OPTIONS) options?: PdfRenderPoolOptions) {
    // Without the compiled worker script (running from TypeScript sources) the fill stays in-process.
    this.size = existsSync(workerScript) ? (options?.workers ?? 1) : 0;
    this.workerHeapMb = options?.workerHeapMb ?? defaultWorkerHeapMb;
  }

  /** How many requests run at the same time: one per worker process (one in-process). */
  get parallelRequests(): number {
    return Math.max(1, this.size);
  }

  /**
   * PDFs (filled official forms, see PdfFillerService.fill for their errors, or answer summaries)
   * made by one worker one right after the other and handed over together, in the order of the
   * jobs; the first failure fails them all. The copies of one application go as one request: made
   * one by one, the finished ones would wait in this process for the rest, behind every other job
   * in the queue. A job with a seal comes back encrypted for storing.
   */
  renderAll(jobs: PdfRenderJob[]): Promise<RenderedPdf[]> {
    if (jobs.length === 0) {
      return Promise.resolve([]);
    }
    if (this.size === 0) {
      return (this.inProcess ??= new PdfRenderer()).renderAll(jobs);
    }
    if (this.closed) {
      return Promise.reject(new Error('The service is shutting down; the PDF was not made.'));
    }
    try {
      this.spoolDir ??= makeSpoolDir();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return Promise.reject(new Error(`No folder for the PDF workers' files (${reason}).`));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, jobs, resolve, reject });
      this.dispatch();
    });
  }

  onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) {
      task.reject(new Error('The service is shutting down; the PDF was not made.'));
    }
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    return Promise.all(all.map((worker) => stop(worker))).then(() => {
      if (this.spoolDir) {
        rmSync(this.spoolDir, { recursive: true, force: true });
      }
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
      setReferenced(worker, true);
      worker.send({ id: task.id, jobs: task.jobs, spoolDir: this.spoolDir! } satisfies PdfRenderRequest);
    }
  }

  private spawn(): ChildProcess | undefined {
    if (this.workers >= this.size || this.closed) {
      return undefined;
    }
    const [execPath, ...execArgv] = lowPriorityLaunch([
      process.execPath,
      `--max-old-space-size=${this.workerHeapMb}`,
    ]);
    const worker = fork(workerScript, [], {
      // fork runs `execPath ...execArgv script`: here `chrt --idle 0 nice -n 19 node … script`.
      execPath,
      execArgv,
      env: { ...process.env, ANTRAGSLOTSE_PDF_NICE: execPath !== process.execPath ? 'started' : 'no' },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    this.workers++;
    let stderr = '';
    let fatal = '';
    const stderrPipe = worker.stderr as Socket | null;
    // The pipe alone never keeps the service alive; the process and its channel do (setReferenced).
    stderrPipe?.unref();
    stderrPipe?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-stderrKeptLength);
      // V8's own line for a worker out of memory (a stack trace follows it); nothing of a family's.
      fatal ||= /FATAL ERROR: [^\n]*\n/.exec(stderr)?.[0].trim() ?? '';
    });
    worker.on('message', (reply: PdfRenderReply) => this.settle(worker, reply));
    worker.on('error', (error) => this.logger.error(`A PDF worker failed: ${error.message}`));
    // 'close' comes after stderr is read to its end, so V8's last words are in the log line.
    worker.on('close', (code, signal) => {
      if (!this.closed) {
        this.logger.error(`A PDF worker stopped (exit code ${code}, signal ${signal}). ${fatal}`);
      }
      this.retire(worker);
    });
    return worker;
  }

  private settle(worker: ChildProcess, reply: PdfRenderReply): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    setReferenced(worker, false);
    this.idle.push(worker);
    if (task && task.id === reply.id) {
      if (reply.ok) {
        receive(reply.outputs).then(task.resolve, task.reject);
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
  private retire(worker: ChildProcess): void {
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

/**
 * The command that starts a worker at the lowest CPU priority: under `nice -n 19`, and where the
 * kernel allows it in the SCHED_IDLE class too (`chrt --idle 0`). Nice 19 alone still lets a busy
 * worker finish its time slice (up to a few milliseconds) before a waking chat request gets the
 * core, and every turn wakes several times (request, database, reply); a SCHED_IDLE task gives
 * the core up at once. In the conversation benchmark's burst of submissions this took the p99
 * from 60.5 to 51.2 ms (median of three A/B rounds, docs/benchmarks.md). Under a main thread busy
 * without pause, idle-class workers get next to no CPU: their drafts wait, flagged, as before.
 * Checked once per process: a `chrt` that may not set the class (some sandboxes) is left out.
 */
function lowPriorityLaunch(node: string[]): string[] {
  const niced = niceCommand ? [niceCommand, '-n', '19', ...node] : node;
  return idleClassAllowed() ? [chrtCommand!, '--idle', '0', ...niced] : niced;
}

let idleClass: boolean | undefined;
function idleClassAllowed(): boolean {
  idleClass ??=
    chrtCommand !== undefined &&
    spawnSync(chrtCommand, ['--idle', '0', chrtCommand, '--version'], { stdio: 'ignore', timeout: 5000 })
      .status === 0;
  return idleClass;
}

const spoolPrefix = 'antragslotse-pdf-';
/** A spool folder's name: the prefix, the PID of the service that made it, a random part. */
const spoolFolderName = new RegExp(`^${spoolPrefix}(\\d+)-`);

/**
 * A new spool folder named after this process, after removing the folders of processes that are
 * gone (a service killed before its shutdown leaves its folder; the files in it are encrypted).
 */
function makeSpoolDir(): string {
  for (const name of readdirSync(tmpdir())) {
    const pid = spoolFolderName.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !processAlive(Number(pid))) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
  return mkdtempSync(join(tmpdir(), `${spoolPrefix}${process.pid}-`));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The PDFs of a reply; spooled files are read (one buffer each) and removed, also on failure. */
async function receive(outputs: PdfRenderOutput[]): Promise<RenderedPdf[]> {
  const files = outputs.flatMap((output) => ('file' in output ? [output.file] : []));
  try {
    return await Promise.all(
      outputs.map(async (output) => {
        const bytes = 'file' in output ? await readFile(output.file) : output.bytes;
        const { base } = output;
        // The base stays in the spool folder: every draft of its form names the same file.
        return base
          ? { bytes, pdfSize: output.pdfSize, base: { sha256: base.sha256, read: () => readFile(base.file) } }
          : { bytes, pdfSize: output.pdfSize };
      }),
    );
  } finally {
    await Promise.all(files.map((file) => rm(file, { force: true })));
  }
}

/** A busy worker keeps the service's process alive; an idle one does not. */
function setReferenced(worker: ChildProcess, referenced: boolean): void {
  if (referenced) {
    worker.ref();
    worker.channel?.ref();
  } else {
    worker.unref();
    worker.channel?.unref();
  }
}

function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    // Referenced again, or the service's process could end before the worker's exit is seen.
    setReferenced(worker, true);
    worker.once('exit', () => resolve());
    worker.kill();
  });
}
