import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromCrossingError } from './crossing-errors';
import type { FromWriter, ToWriter, WriteRequest, WriterData } from './write-protocol';

/**
 * The thread's entry, a sibling of this file: .js once built, .ts under Jest, where the thread
 * compiles it with ts-node (transpile only; the entry and what it loads use relative imports).
 */
const ENTRY = join(__dirname, `write-worker${extname(__filename)}`);
const EXEC_ARGV = extname(__filename) === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [];

interface InFlight {
  resolve: () => void;
  reject: (error: Error) => void;
  settled: Promise<unknown>;
}

/**
 * The main-thread side of a file read store's writer thread
 * (docs/adr/0028-read-store-commits-on-a-writer-thread.md): posts each write as it comes, the
 * thread applies them in order, each in its transaction, and answers once it has committed;
 * errors are rebuilt as the classes an in-thread write throws.
 *
 * The thread starts with the first write (a store only read never starts one). It holds the
 * process open only while a write is in flight. If it stops unasked (crash, out of memory, a file
 * it cannot open), the writes in flight and every later one reject with `ReadStoreWriterStoppedError`.
 */
export class WriterThread {
  private worker: Worker | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;
  private stopped: ReadStoreWriterStoppedError | undefined;
  private closing = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly data: WriterData) {}

  /** Resolves once the request's transaction has committed on the thread's connection. */
  send(request: WriteRequest): Promise<void> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.closing) return Promise.reject(new TypeError('The read store is closed'));
    const worker = this.start();
    const id = this.nextId++;
    let entry!: InFlight;
    const answered = new Promise<void>((resolve, reject) => {
      entry = { resolve, reject, settled: Promise.resolve() };
    });
    entry.settled = answered.catch(() => undefined);
    try {
      this.post({ ...request, id });
    } catch (error) {
      // Not cloneable (the store validates writes first, so only a caller of this class gets here).
      return Promise.reject(error);
    }
    this.inFlight.set(id, entry);
    worker.ref();
    return answered;
  }

  /** Waits for the writes in flight, then stops the thread (which closes its connection). */
  async close(): Promise<void> {
    if (this.closing) return this.exited;
    this.closing = true;
    await Promise.all([...this.inFlight.values()].map((entry) => entry.settled));
    if (this.worker && !this.stopped) {
      this.worker.ref(); // keeps the process alive until the thread has closed its connection
      this.post({ kind: 'close' });
    }
    await this.exited;
  }

  /** The thread, once started: to stop it the hard way in tests of a writer that dies. */
  get thread(): Worker | undefined {
    return this.worker;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY, { workerData: this.data, execArgv: EXEC_ARGV });
    let cause: Error | undefined;
    worker.on('message', (message: FromWriter) => this.answer(message));
    worker.on('error', (error) => {
      cause = error;
    });
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (!this.closing || this.inFlight.size > 0) this.stop(new ReadStoreWriterStoppedError(code, cause));
        resolve();
      }),
    );
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private post(message: ToWriter): void {
    this.worker!.postMessage(message);
  }

  private answer(message: FromWriter): void {
    const pending = this.inFlight.get(message.id);
    if (!pending) return;
    this.inFlight.delete(message.id);
    if (this.inFlight.size === 0 && !this.closing) this.worker!.unref();
    if (message.kind === 'failed') pending.reject(fromCrossingError(message.error));
    else pending.resolve();
  }

  private stop(error: ReadStoreWriterStoppedError): void {
    this.stopped = error;
    for (const pending of this.inFlight.values()) pending.reject(error);
    this.inFlight.clear();
  }
}

/** The writer thread stopped before answering: the writes it held may or may not be stored. */
export class ReadStoreWriterStoppedError extends Error {
  constructor(exitCode: number, cause: Error | undefined) {
    super(
      `The SQLite read store's writer thread stopped (exit code ${exitCode}${cause ? `: ${cause.message}` : ''}); ` +
        'writes it was applying may or may not be stored, later ones are refused',
      { cause },
    );
    this.name = 'ReadStoreWriterStoppedError';
  }
}
