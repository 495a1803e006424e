import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CheckpointWorkerData } from './sqlite-checkpoint.worker';

const workerScript = join(__dirname, 'sqlite-checkpoint.worker.js');
/** SQLite's own default: the writer checkpoints after a commit once the log holds 1000 pages. */
const sqliteDefaultAutocheckpoint = 1000;
const defaultIntervalMs = 250;
/** Milliseconds between two checkpoints (tests use a shorter one). */
export const SQLITE_CHECKPOINT_INTERVAL_MS = Symbol('SQLITE_CHECKPOINT_INTERVAL_MS');

/** What the checkpoint thread last reported: frames in the log, and how many are in the file. */
export interface CheckpointProgress {
  log: number;
  checkpointed: number;
}

/**
 * Moves SQLite's checkpoints off the event loop. By default the connection that commits copies the
 * write-ahead log into the database file once the log passes 4 MB, inside that commit: with the
 * filled PDFs stored as they come (a few MB per case), that is a 10-20 ms stall of the chat every
 * case or so. Here a worker thread with its own connection checkpoints every 250 ms instead (PASSIVE:
 * it never waits for, nor blocks, the service's connection), and the service's connection stops
 * checkpointing. Should the thread fail, the connection checkpoints itself again, as before.
 * SQLite files only; PostgreSQL and in-memory databases are left alone.
 */
@Injectable()
export class SqliteCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SqliteCheckpointer.name);
  private worker?: Worker;
  private stopping = false;
  private progress?: CheckpointProgress;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(SQLITE_CHECKPOINT_INTERVAL_MS) private readonly intervalMs = defaultIntervalMs,
  ) {}

  /** The last checkpoint's figures (undefined until the first, or without the thread). */
  get lastProgress(): CheckpointProgress | undefined {
    return this.progress;
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const file = sqliteFile(this.dataSource);
    // Without the compiled worker script (running from TypeScript sources) SQLite checkpoints itself.
    if (!file || !existsSync(workerScript) || this.worker) {
      return;
    }
    // First the service's connection stops checkpointing; should the thread end, it starts again.
    await this.setAutocheckpoint(0);
    const workerData: CheckpointWorkerData = { file, intervalMs: this.intervalMs };
    const worker = new Worker(workerScript, { workerData });
    // The thread never keeps the service's process alive.
    worker.unref();
    worker.on('message', (progress: CheckpointProgress) => (this.progress = progress));
    worker.on('error', (error) => this.logger.error(`The SQLite checkpoint thread failed: ${error.message}`));
    worker.on('exit', () => {
      this.worker = undefined;
      if (!this.stopping) {
        this.logger.warn('The SQLite checkpoint thread stopped; the service checkpoints itself again.');
        this.setAutocheckpoint(sqliteDefaultAutocheckpoint).catch((error: Error) =>
          this.logger.error(`SQLite checkpointing could not be handed back: ${error.message}`),
        );
      }
    });
    this.worker = worker;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) {
      return;
    }
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage('stop');
    await exited;
    await this.setAutocheckpoint(sqliteDefaultAutocheckpoint);
  }

  private async setAutocheckpoint(pages: number): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.query(`PRAGMA wal_autocheckpoint = ${pages}`);
    }
  }
}

/** The database file of a better-sqlite3 data source; undefined for other databases and ':memory:'. */
function sqliteFile(dataSource: DataSource): string | undefined {
  const options = dataSource.options;
  if (options.type !== 'better-sqlite3' || !options.database || options.database === ':memory:') {
    return undefined;
  }
  return options.database;
}
