import Database from 'better-sqlite3';

/**
 * An error of a thread as plain data. A structured clone keeps neither the class nor the fields
 * of an error, so each store describes the errors of its own classes, and these are the ones
 * every store shares: better-sqlite3's SqliteError (with its code) and the built-in classes.
 */
export type BuiltInCrossing =
  | { kind: 'sqlite'; message: string; code: string; stack?: string }
  | { kind: 'error'; name: string; message: string; stack?: string };

/** The built-in error classes a store can throw (Error, TypeError, RangeError …). */
const BUILT_IN: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

export function toBuiltInCrossing(error: unknown): BuiltInCrossing {
  if (error instanceof Database.SqliteError) return { kind: 'sqlite', message: error.message, code: error.code, stack: error.stack };
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message, stack: error.stack };
  return { kind: 'error', name: 'Error', message: String(error) };
}

export function fromBuiltInCrossing(crossing: BuiltInCrossing): Error {
  if (crossing.kind === 'sqlite') return new Database.SqliteError(crossing.message, crossing.code);
  const error = new (BUILT_IN[crossing.name] ?? Error)(crossing.message);
  if (error.name !== crossing.name) error.name = crossing.name;
  return error;
}

/** The error with the thread's stack, which says where it was thrown (this thread's would only show the rebuild). */
export function withThreadStack(error: Error, stack: string | undefined): Error {
  if (stack) error.stack = stack;
  return error;
}
