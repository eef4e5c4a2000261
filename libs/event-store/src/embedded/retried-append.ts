import type { AppendResult, ExpectedRevision, Position } from '../event-store.port';

/** Where an event id is already stored. */
export interface StoredEventRef {
  streamId: string;
  revision: bigint;
  position: Position;
}

/**
 * How a batch relates to what is stored, judged by event id:
 * - `new`: none of its ids is stored; append it.
 * - `retry`: it is exactly a batch already appended (same ids, same order, consecutive revisions
 *   of the same stream) and the expected revision is the one that batch was appended with
 *   (`any` and `streamExists` always are). The append is a no-op answering the original result,
 *   as EventStoreDB does for a retried append.
 * - `clash`: some ids are stored but it is not such a retry. The caller first checks the expected
 *   revision (a stale one is a plain `ConcurrencyError`), then refuses: an event id is stored once.
 */
export type BatchStatus = { kind: 'new' } | { kind: 'retry'; result: AppendResult } | { kind: 'clash'; eventId: string };

/** `refs[i]` is where `eventIds[i]` is stored, or undefined. */
export function classifyBatch(
  streamId: string,
  expected: ExpectedRevision,
  eventIds: string[],
  refs: (StoredEventRef | undefined)[],
): BatchStatus {
  const storedIndex = refs.findIndex((ref) => ref !== undefined);
  if (storedIndex < 0) return { kind: 'new' };
  const clash = { kind: 'clash', eventId: eventIds[storedIndex] } as const;

  const first = refs[0];
  if (!first || first.streamId !== streamId) return clash;
  const isSameRun = refs.every(
    (ref, i) => ref !== undefined && ref.streamId === streamId && ref.revision === first.revision + BigInt(i),
  );
  if (!isSameRun) return clash;

  const appendedWithExpected =
    expected === 'any' ||
    expected === 'streamExists' ||
    (expected === 'noStream' && first.revision === 0n) ||
    (typeof expected === 'bigint' && first.revision === expected + 1n);
  if (!appendedWithExpected) return clash;

  const last = refs[refs.length - 1]!;
  return { kind: 'retry', result: { nextExpectedRevision: last.revision, position: last.position } };
}
