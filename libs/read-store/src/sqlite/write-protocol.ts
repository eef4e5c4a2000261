// The messages between the main thread (writer-thread.ts) and the writer thread (write-worker.ts).
import type { CollectionSpec, CollectionWrite } from '../read-store.port';
import type { CrossingError } from './crossing-errors';

/** What the writer thread is started with. */
export interface WriterData {
  path: string;
  /** The writer connection's `wal_autocheckpoint`, in pages. */
  walAutocheckpointPages: number;
}

/** One write of the store, applied by the thread in its own transaction. */
export type WriteRequest =
  | { kind: 'commit'; writes: CollectionWrite[] }
  | { kind: 'ensureCollection'; spec: CollectionSpec }
  | { kind: 'drop'; name: string };

export type WriteAnswer =
  /** The request's transaction has committed. */
  | { kind: 'done' }
  /** The request failed: nothing of it is stored. */
  | { kind: 'failed'; error: CrossingError };
