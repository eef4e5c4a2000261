import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { RequestThread } from '@trilha/worker-thread';
import { fromCrossingError } from './crossing-errors';
import type { WriteAnswer, WriteRequest, WriterData } from './write-protocol';

/** The thread's entry, a sibling of this file (.js once built, .ts under Jest). */
const ENTRY = join(__dirname, `write-worker${extname(__filename)}`);

/**
 * The main-thread side of a file read store's writer thread
 * (docs/adr/0028-read-store-commits-on-a-writer-thread.md): posts each write as it comes, the
 * thread applies them in order, each in its transaction, and answers once it has committed;
 * errors are rebuilt as the classes an in-thread write throws. The thread's life (started by the
 * first write, stopped by close once every write sent is answered, a thread that dies refusing
 * every write with `ReadStoreWriterStoppedError`) is RequestThread's.
 */
export class WriterThread {
  private readonly requests: RequestThread<WriteRequest, WriteAnswer & { id: number }>;

  constructor(data: WriterData) {
    this.requests = new RequestThread({
      entry: ENTRY,
      workerData: data,
      stoppedError: (code, cause) => new ReadStoreWriterStoppedError(code, cause),
      closedError: () => new TypeError('The read store is closed'),
    });
  }

  /** Resolves once the request's transaction has committed on the thread's connection. */
  async send(request: WriteRequest): Promise<void> {
    const answer = await this.requests.request(request);
    if (answer.kind === 'failed') throw fromCrossingError(answer.error);
  }

  /** Waits for the writes in flight, then stops the thread (which closes its connection). */
  close(): Promise<void> {
    return this.requests.close();
  }

  /** The thread, once started: to stop it the hard way in tests of a writer that dies. */
  get thread(): Worker | undefined {
    return this.requests.thread;
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
