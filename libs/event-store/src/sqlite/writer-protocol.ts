// The messages between the main thread (worker-committer.ts) and the writer thread (append-worker.ts).
import type { AppendResult } from '../event-store.port';
import type { AppendRequest } from './append-writer';
import type { CrossingError } from './crossing-errors';

/** What the writer thread is started with. */
export interface WriterData {
  path: string;
}

export type ToWriter = { kind: 'commit'; id: number; requests: AppendRequest[] } | { kind: 'close' };

export type CrossingOutcome = { ok: true; result: AppendResult } | { ok: false; error: CrossingError };

export type FromWriter =
  /** The group is committed; per append, in order, what became of it. */
  | { kind: 'committed'; id: number; outcomes: CrossingOutcome[] }
  /** The group's transaction failed as a whole: nothing of it is stored. */
  | { kind: 'failed'; id: number; error: CrossingError };
