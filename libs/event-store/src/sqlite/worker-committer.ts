import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppendResult } from '../event-store.port';
import type { AppendRequest } from './append-writer';
import { fromCrossingError } from './crossing-errors';
import type { Outcome } from './group-commit';
import type { FromWriter, ToWriter, WriterData } from './writer-protocol';

/**
 * The writer thread's entry, a sibling of this file: .js once built, .ts under Jest, where the
 * thread compiles it with ts-node (transpile only; the entry and what it loads use relative imports).
 */
const ENTRY = join(__dirname, `append-worker${extname(__filename)}`);
const EXEC_ARGV = extname(__filename) === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [];

interface InFlight {
  resolve: (outcomes: Array<Outcome<AppendResult>>) => void;
  reject: (error: Error) => void;
}

/**
 * The main-thread side of the writer thread (docs/adr/0022-sqlite-event-store-commits-on-a-writer-thread.md):
 * sends a group, answers with its outcomes, errors rebuilt as the classes an in-thread commit throws.
 *
 * The thread starts with the first group (a store only read never starts one). It holds the
 * process open only while a group is in flight. If it stops unasked (crash, out of memory, failed
 * to open the file), the groups in flight and every later one reject with `WriterStoppedError`.
 */
export class WorkerCommitter {
  private worker: Worker | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;
  private stopped: WriterStoppedError | undefined;
  private closing = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  commit(requests: AppendRequest[]): Promise<Array<Outcome<AppendResult>>> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.closing) return Promise.reject(new TypeError('The event store is closed'));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { resolve, reject });
      worker.ref();
      this.send({ kind: 'commit', id, requests });
    });
  }

  /** Stops the thread once the groups in flight are answered (the caller waits for them first). */
  async close(): Promise<void> {
    this.closing = true;
    if (this.worker && !this.stopped) {
      this.worker.ref(); // keeps the process alive until the thread has closed its connection
      this.send({ kind: 'close' });
    }
    await this.exited;
  }

  /** The thread, once started: to stop it the hard way in tests of a writer that dies. */
  get thread(): Worker | undefined {
    return this.worker;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const data: WriterData = { path: this.path };
    const worker = new Worker(ENTRY, { workerData: data, execArgv: EXEC_ARGV });
    let cause: Error | undefined;
    worker.on('message', (message: FromWriter) => this.answer(message));
    worker.on('error', (error) => {
      cause = error;
    });
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (!this.closing || this.inFlight.size > 0) this.stop(new WriterStoppedError(code, cause));
        resolve();
      }),
    );
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private send(message: ToWriter): void {
    this.worker!.postMessage(message);
  }

  private answer(message: FromWriter): void {
    const pending = this.inFlight.get(message.id);
    if (!pending) return;
    this.inFlight.delete(message.id);
    if (this.inFlight.size === 0) this.worker!.unref();
    if (message.kind === 'failed') pending.reject(fromCrossingError(message.error));
    else pending.resolve(message.outcomes.map((outcome) => (outcome.ok ? outcome : { ok: false, error: fromCrossingError(outcome.error) })));
  }

  private stop(error: WriterStoppedError): void {
    this.stopped = error;
    for (const pending of this.inFlight.values()) pending.reject(error);
    this.inFlight.clear();
  }
}

/** The writer thread stopped before answering: the appends it held may or may not be stored. */
export class WriterStoppedError extends Error {
  constructor(exitCode: number, cause: Error | undefined) {
    super(
      `The SQLite event store's writer thread stopped (exit code ${exitCode}${cause ? `: ${cause.message}` : ''}); ` +
        'appends it was committing may or may not be stored (retrying them with the same event ids is safe), later ones are refused',
      { cause },
    );
    this.name = 'WriterStoppedError';
  }
}
