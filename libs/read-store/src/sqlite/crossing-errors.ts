// Also loaded by the writer thread (write-worker.ts): relative imports only, no @trilha/* aliases.
import Database from 'better-sqlite3';
import { DuplicateKeyError, InvalidUpdateError, UnsupportedQueryError } from '../errors';

/**
 * An error of the writer thread as plain data. A structured clone keeps neither the class nor the
 * fields of an error, so each error a write can raise is described here and rebuilt on the main
 * thread as the same class with the same message and fields: callers see what an in-thread write throws.
 */
export type CrossingError =
  | { kind: 'duplicateKey'; collection: string; message: string; stack?: string }
  | { kind: 'unsupportedQuery'; message: string; stack?: string }
  | { kind: 'invalidUpdate'; message: string; stack?: string }
  | { kind: 'sqlite'; message: string; code: string; stack?: string }
  | { kind: 'error'; name: string; message: string; stack?: string };

/** The built-in error classes a write can throw (Error for an _id change, TypeError, RangeError …). */
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
  if (error instanceof DuplicateKeyError) return { kind: 'duplicateKey', collection: error.collection, message: error.message, stack: error.stack };
  if (error instanceof UnsupportedQueryError) return { kind: 'unsupportedQuery', message: error.message, stack: error.stack };
  if (error instanceof InvalidUpdateError) return { kind: 'invalidUpdate', message: error.message, stack: error.stack };
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
    case 'duplicateKey':
      return new DuplicateKeyError(crossing.collection, crossing.message);
    case 'unsupportedQuery':
      return new UnsupportedQueryError(crossing.message);
    case 'invalidUpdate':
      return new InvalidUpdateError(crossing.message);
    case 'sqlite':
      return new Database.SqliteError(crossing.message, crossing.code);
    case 'error': {
      const error = new (BUILT_IN[crossing.name] ?? Error)(crossing.message);
      if (error.name !== crossing.name) error.name = crossing.name;
      return error;
    }
  }
}
