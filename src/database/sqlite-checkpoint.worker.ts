// Entry of the SQLite checkpoint thread (see SqliteCheckpointer): copies what the service wrote to
// the write-ahead log into the database file, on its own connection, so the chat's thread never
// does that copy (and its fsync) inside a family's turn.
import Database from 'better-sqlite3';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
}

const { file, intervalMs } = workerData as CheckpointWorkerData;
const db = new Database(file, { fileMustExist: true, timeout: 0 });

// Below the chat, above the PDF fills: the log must not grow without end under load.
if (process.platform === 'linux') {
  try {
    setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // not allowed here: normal priority
  }
}

/**
 * PASSIVE: copies as many frames as it can without waiting for a reader or the writer, so the
 * service's connection is never blocked by it. Once everything is copied, the service's next write
 * starts the log from its beginning again: the log file is reused instead of growing.
 */
let reported = { log: -1, checkpointed: -1 };
function checkpoint(): void {
  const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)') as Array<typeof reported>;
  // Reported only when it changed: an idle service's event loop is not woken four times a second.
  if (log !== reported.log || checkpointed !== reported.checkpointed) {
    reported = { log, checkpointed };
    parentPort?.postMessage(reported);
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort?.on('message', (message: string) => {
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort?.close();
  }
});
