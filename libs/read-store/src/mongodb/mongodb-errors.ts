import { MongoError } from 'mongodb';
import { DuplicateKeyError } from '../errors';

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

/** Maps duplicate key errors (code 11000) to DuplicateKeyError; other errors pass through. */
export function mapMongoError(error: unknown, collection: string): unknown {
  if (!isDuplicateKey(error)) return error;
  return new DuplicateKeyError(collection, `duplicate key in collection '${collection}': ${error.message}`);
}

export function hasCode(error: unknown, code: number): boolean {
  return error instanceof MongoError && error.code === code;
}
