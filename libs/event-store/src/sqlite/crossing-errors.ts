// Also loaded by the writer thread (append-worker.ts).
import { fromBuiltInCrossing, toBuiltInCrossing, withThreadStack, type BuiltInCrossing } from '@trilha/worker-thread';
import { ConcurrencyError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

/**
 * An error of the writer thread as plain data, rebuilt on the main thread as the same class with
 * the same fields: callers see what an in-thread commit throws (Error for id clashes, TypeError …).
 */
export type CrossingError =
  | { kind: 'concurrency'; streamId: string; expected: ExpectedRevision; actual: bigint | 'noStream'; stack?: string }
  | BuiltInCrossing;

export function toCrossingError(error: unknown): CrossingError {
  if (error instanceof ConcurrencyError) {
    return { kind: 'concurrency', streamId: error.streamId, expected: error.expected, actual: error.actual, stack: error.stack };
  }
  return toBuiltInCrossing(error);
}

export function fromCrossingError(crossing: CrossingError): Error {
  const error = crossing.kind === 'concurrency' ? new ConcurrencyError(crossing.streamId, crossing.expected, crossing.actual) : fromBuiltInCrossing(crossing);
  return withThreadStack(error, crossing.stack);
}
