import { DuplicateKeyError } from '../errors';

const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Maps a unique or primary key violation to DuplicateKeyError; other errors pass through. */
export function mapSqliteError(error: unknown, collection: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNIQUE_VIOLATIONS.has(code)) {
    return new DuplicateKeyError(collection, `duplicate key in collection '${collection}': ${(error as Error).message}`);
  }
  return error;
}
