import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What a request thread answers: the request's id, and whatever the caller decodes. */
export interface ThreadAnswer {
  id: number;
}

export interface RequestThreadOptions {
  /**
   * The thread's entry file: .js once built, .ts under Jest, where the thread compiles it with
   * ts-node (transpile only) and resolves the @trilha/* aliases with tsconfig-paths.
   */
  entry: string;
  workerData: unknown;
  /** The error every request gets once the thread stopped unasked. */
  stoppedError: (exitCode: number, cause: Error | undefined) => Error;
  /** The error of a request made after close(). */
  closedError: () => Error;
}

interface InFlight<A> {
  resolve: (answer: A) => void;
  reject: (error: Error) => void;
  settled: Promise<unknown>;
}

/**
 * The calling side of a worker thread that answers requests one by one, in order (the SQLite
 * stores' writer threads, ADR 0022 and ADR 0028). Each request is posted with an id; its answer
 * is handed back undecoded.
 *
 * The thread starts with the first request (a store only read never starts one). It holds the
 * process open only while a request is in flight. If it stops unasked (crash, out of memory, a
 * file it cannot open), the requests in flight and every later one reject with `stoppedError`.
 */
export class RequestThread<R extends object, A extends ThreadAnswer> {
  private worker: Worker | undefined;
  private readonly inFlight = new Map<number, InFlight<A>>();
  private nextId = 1;
  private stopped: Error | undefined;
  private closing = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly options: RequestThreadOptions) {}

  /** Posts the request; resolves with the thread's answer to it. */
  request(request: R): Promise<A> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.closing) return Promise.reject(this.options.closedError());
    const worker = this.start();
    const id = this.nextId++;
    let entry!: InFlight<A>;
    const answered = new Promise<A>((resolve, reject) => {
      entry = { resolve, reject, settled: Promise.resolve() };
    });
    entry.settled = answered.catch(() => undefined);
    try {
      worker.postMessage({ ...request, id });
    } catch (error) {
      return Promise.reject(error); // not cloneable: nothing was posted
    }
    this.inFlight.set(id, entry);
    worker.ref();
    return answered;
  }

  /** Waits for the requests in flight, then stops the thread (which closes what it opened). */
  async close(): Promise<void> {
    if (this.closing) return this.exited;
    this.closing = true;
    await Promise.all([...this.inFlight.values()].map((entry) => entry.settled));
    if (this.worker && !this.stopped) {
      this.worker.ref(); // keeps the process alive until the thread has closed its connection
      this.worker.postMessage({ kind: 'close' });
    }
    await this.exited;
  }

  /** The thread, once started: to stop it the hard way in tests of a thread that dies. */
  get thread(): Worker | undefined {
    return this.worker;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const fromSources = extname(this.options.entry) === '.ts';
    const execArgv = fromSources ? ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register'] : [];
    const worker = new Worker(this.options.entry, { workerData: this.options.workerData, execArgv });
    let cause: Error | undefined;
    worker.on('message', (answer: A) => this.answer(answer));
    worker.on('error', (error) => {
      cause = error;
    });
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (!this.closing || this.inFlight.size > 0) this.stop(this.options.stoppedError(code, cause));
        resolve();
      }),
    );
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private answer(answer: A): void {
    const pending = this.inFlight.get(answer.id);
    if (!pending) return;
    this.inFlight.delete(answer.id);
    if (this.inFlight.size === 0 && !this.closing) this.worker!.unref();
    pending.resolve(answer);
  }

  private stop(error: Error): void {
    this.stopped = error;
    for (const pending of this.inFlight.values()) pending.reject(error);
    this.inFlight.clear();
  }
}
