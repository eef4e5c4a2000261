// Also loaded by the writer thread (write-worker.ts).
import { fromBuiltInCrossing, toBuiltInCrossing, withThreadStack, type BuiltInCrossing } from '@trilha/worker-thread';
import { DuplicateKeyError, InvalidUpdateError, UnsupportedQueryError } from '../errors';

/**
 * An error of the writer thread as plain data, rebuilt on the main thread as the same class with
 * the same message and fields: callers see what an in-thread write throws (Error for an _id
 * change, TypeError …).
 */
export type CrossingError =
  | { kind: 'duplicateKey'; collection: string; message: string; stack?: string }
  | { kind: 'unsupportedQuery'; message: string; stack?: string }
  | { kind: 'invalidUpdate'; message: string; stack?: string }
  | BuiltInCrossing;

export function toCrossingError(error: unknown): CrossingError {
  if (error instanceof DuplicateKeyError) return { kind: 'duplicateKey', collection: error.collection, message: error.message, stack: error.stack };
  if (error instanceof UnsupportedQueryError) return { kind: 'unsupportedQuery', message: error.message, stack: error.stack };
  if (error instanceof InvalidUpdateError) return { kind: 'invalidUpdate', message: error.message, stack: error.stack };
  return toBuiltInCrossing(error);
}

export function fromCrossingError(crossing: CrossingError): Error {
  return withThreadStack(rebuild(crossing), crossing.stack);
}

function rebuild(crossing: CrossingError): Error {
  switch (crossing.kind) {
    case 'duplicateKey':
      return new DuplicateKeyError(crossing.collection, crossing.message);
    case 'unsupportedQuery':
      return new UnsupportedQueryError(crossing.message);
    case 'invalidUpdate':
      return new InvalidUpdateError(crossing.message);
    default:
      return fromBuiltInCrossing(crossing);
  }
}
