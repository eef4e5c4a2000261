import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { RequestThread } from '@trilha/worker-thread';
import type { AppendResult } from '../event-store.port';
import type { AppendRequest } from './append-writer';
import { fromCrossingError } from './crossing-errors';
import type { Outcome } from './group-commit';
import type { CommitGroup, GroupAnswer, WriterData } from './writer-protocol';

/** The writer thread's entry, a sibling of this file (.js once built, .ts under Jest). */
const ENTRY = join(__dirname, `append-worker${extname(__filename)}`);

/**
 * The main-thread side of the writer thread (docs/adr/0022-sqlite-event-store-commits-on-a-writer-thread.md):
 * sends a group, answers with its outcomes, errors rebuilt as the classes an in-thread commit
 * throws. The thread's life (started by the first group, stopped by close, a thread that dies
 * refusing every group with `WriterStoppedError`) is RequestThread's.
 */
export class WorkerCommitter {
  private readonly requests: RequestThread<CommitGroup, GroupAnswer & { id: number }>;

  constructor(path: string) {
    const data: WriterData = { path };
    this.requests = new RequestThread({
      entry: ENTRY,
      workerData: data,
      stoppedError: (code, cause) => new WriterStoppedError(code, cause),
      closedError: () => new TypeError('The event store is closed'),
    });
  }

  async commit(requests: AppendRequest[]): Promise<Array<Outcome<AppendResult>>> {
    const answer = await this.requests.request({ kind: 'commit', requests });
    if (answer.kind === 'failed') throw fromCrossingError(answer.error);
    return answer.outcomes.map((outcome) => (outcome.ok ? outcome : { ok: false, error: fromCrossingError(outcome.error) }));
  }

  /** Stops the thread once the groups in flight are answered. */
  close(): Promise<void> {
    return this.requests.close();
  }

  /** The thread, once started: to stop it the hard way in tests of a writer that dies. */
  get thread(): Worker | undefined {
    return this.requests.thread;
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
