import { Worker } from 'node:worker_threads';

/** How often the worker copies the WAL's new pages into the database file. */
const EVERY_MS = 100;

// Plain JavaScript, run as the worker's source: no TypeScript loader is needed in the worker.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint runs): the next tick takes over.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;

/**
 * WAL checkpoints in a worker thread while a long write runs (a Bulk job). SQLite checkpoints
 * in the commit that fills the WAL (~40 MB, store.ts): the writer then copies those pages into
 * the database file and syncs it, ~150 ms a time, 11 times in a million-Account ingest (~15 %
 * of it). A second connection copying them every 100 ms (PASSIVE: it never blocks the writer)
 * leaves that commit only the last pages. Same file, same SQLite: crash safety is unchanged.
 */
export class BackgroundCheckpoints {
  private worker?: Worker;
  private users = 0;

  constructor(private readonly file: string) {}

  /** The worker runs from the first start to the last stop. */
  start(): void {
    if (this.users++ > 0) return;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: this.file, everyMs: EVERY_MS }
    });
    this.worker.unref();
  }

  /** Resolves once the worker's connection is closed (it checkpoints once more first). */
  async stop(): Promise<void> {
    if (--this.users > 0 || !this.worker) return;
    const worker = this.worker;
    this.worker = undefined;
    await new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.once('exit', () => resolve());
      worker.once('error', () => resolve());
      worker.postMessage('stop');
    });
    await worker.terminate();
  }
}
