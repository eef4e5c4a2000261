// The messages between the main thread (worker-committer.ts) and the writer thread (append-worker.ts).
import type { AppendResult } from '../event-store.port';
import type { AppendRequest } from './append-writer';
import type { CrossingError } from './crossing-errors';

/** What the writer thread is started with. */
export interface WriterData {
  path: string;
}

export type CommitGroup = { kind: 'commit'; requests: AppendRequest[] };

export type CrossingOutcome = { ok: true; result: AppendResult } | { ok: false; error: CrossingError };

export type GroupAnswer =
  /** The group is committed; per append, in order, what became of it. */
  | { kind: 'committed'; outcomes: CrossingOutcome[] }
  /** The group's transaction failed as a whole: nothing of it is stored. */
  | { kind: 'failed'; error: CrossingError };
