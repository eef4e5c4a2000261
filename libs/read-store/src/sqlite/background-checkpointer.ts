import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData } from './checkpoint-worker';

/** The thread's entry, a sibling of this file: .js once built, .ts (through ts-node) under Jest. */
const ENTRY = join(__dirname, `checkpoint-worker${extname(__filename)}`);
const EXEC_ARGV = extname(__filename) === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [];

/**
 * Checkpoints a read-model file's WAL from a thread of its own (docs/adr/0025-read-store-checkpoints-on-a-thread.md).
 * A checkpoint copies the WAL's pages into the database file and fsyncs it; run by the writing
 * connection it stalled the event loop for up to 200 ms under load. The thread never holds the
 * process open.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(path: string, intervalMs: number) {
    const data: CheckpointWorkerData = { path, intervalMs };
    this.worker = new Worker(ENTRY, { workerData: data, execArgv: EXEC_ARGV });
    this.worker.unref();
    // A failed checkpoint thread costs only speed: the writing connection's own checkpoints remain.
    this.worker.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Asks the thread to close its connection and waits until it has. */
  async stop(): Promise<void> {
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
