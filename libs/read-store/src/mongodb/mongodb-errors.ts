import { MongoError } from 'mongodb';
import { DuplicateKeyError, InvalidUpdateError } from '../errors';

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(error: unknown): error is MongoError {
  return error instanceof MongoError && error.code === DUPLICATE_KEY;
}

/** A duplicate key on the `_id` index (as opposed to a declared unique index). */
export function isDuplicateId(error: unknown): boolean {
  if (!isDuplicateKey(error)) return false;
  const keyPattern = (error as MongoError & { keyPattern?: Record<string, unknown> }).keyPattern;
  if (keyPattern) return Object.keys(keyPattern).length === 1 && '_id' in keyPattern;
  return /index: _id_ /.test(error.message);
}

/** Codes of an update the stored data refuses: BadValue, TypeMismatch, PathNotViable. */
const REFUSED_UPDATE_CODES = new Set([2, 14, 28]);

/**
 * Maps duplicate keys (11000) to DuplicateKeyError and refused updates to InvalidUpdateError, as
 * the SQLite adapter reports them; other errors pass through.
 */
export function mapMongoError(error: unknown, collection: string): unknown {
  if (isDuplicateKey(error)) return new DuplicateKeyError(collection, `duplicate key in collection '${collection}': ${error.message}`);
  if (error instanceof MongoError && REFUSED_UPDATE_CODES.has(Number(firstWriteErrorCode(error) ?? error.code))) {
    return new InvalidUpdateError(`update refused in collection '${collection}': ${error.message}`);
  }
  return error;
}

function firstWriteErrorCode(error: MongoError): number | undefined {
  const writeErrors = (error as MongoError & { writeErrors?: Array<{ code?: number }> | { code?: number } }).writeErrors;
  return Array.isArray(writeErrors) ? writeErrors[0]?.code : writeErrors?.code;
}

export function hasCode(error: unknown, code: number): boolean {
  return error instanceof MongoError && error.code === code;
}
