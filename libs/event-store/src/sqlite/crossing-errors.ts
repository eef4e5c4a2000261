// Also loaded by the writer thread (append-worker.ts): relative imports only, no @trilha/* aliases.
import Database from 'better-sqlite3';
import { ConcurrencyError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

/**
 * An error of the writer thread as plain data. A structured clone keeps neither the class nor the
 * fields of an error, so each error the store can answer is described here and rebuilt on the
 * main thread as the same class with the same fields: callers see what an in-thread commit throws.
 */
export type CrossingError =
  | { kind: 'concurrency'; streamId: string; expected: ExpectedRevision; actual: bigint | 'noStream'; stack?: string }
  | { kind: 'sqlite'; message: string; code: string; stack?: string }
  | { kind: 'error'; name: string; message: string; stack?: string };

/** The built-in error classes an append can throw (Error for id clashes, TypeError, RangeError …). */
const BUILT_IN: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

export function toCrossingError(error: unknown): CrossingError {
  if (error instanceof ConcurrencyError) {
    return { kind: 'concurrency', streamId: error.streamId, expected: error.expected, actual: error.actual, stack: error.stack };
  }
  if (error instanceof Database.SqliteError) return { kind: 'sqlite', message: error.message, code: error.code, stack: error.stack };
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message, stack: error.stack };
  return { kind: 'error', name: 'Error', message: String(error) };
}

export function fromCrossingError(crossing: CrossingError): Error {
  const error = rebuild(crossing);
  // The writer thread's stack says where it was thrown; the main thread's would only show this file.
  if (crossing.stack) error.stack = crossing.stack;
  return error;
}

function rebuild(crossing: CrossingError): Error {
  switch (crossing.kind) {
    case 'concurrency':
      return new ConcurrencyError(crossing.streamId, crossing.expected, crossing.actual);
    case 'sqlite':
      return new Database.SqliteError(crossing.message, crossing.code);
    case 'error': {
      const error = new (BUILT_IN[crossing.name] ?? Error)(crossing.message);
      if (error.name !== crossing.name) error.name = crossing.name;
      return error;
    }
  }
}
