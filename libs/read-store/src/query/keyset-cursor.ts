import { UnsupportedQueryError } from '../errors';
import type { Sort } from '../read-store.port';
import { getPath } from './document-path';

export type SortEntry = readonly [path: string, direction: 1 | -1];

/**
 * The sort actually applied: the requested fields, then `_id` ascending as the last
 * tie-break (unless `_id` is already there; fields after it could never matter).
 */
export function effectiveSort(sort: Sort | undefined): SortEntry[] {
  const entries: SortEntry[] = [];
  for (const [path, direction] of Object.entries(sort ?? {})) {
    entries.push([path, direction]);
    if (path === '_id') return entries;
  }
  entries.push(['_id', 1]);
  return entries;
}

export function sortObject(entries: SortEntry[]): Sort {
  return Object.fromEntries(entries) as Sort;
}

/** Values of the sort fields of the last document of a page; missing fields count as null. */
export type CursorValues = Array<string | number | boolean | null>;

export function encodeCursor(entries: SortEntry[], doc: Record<string, unknown>): string {
  const values = entries.map(([path]) => {
    const value = getPath(doc, path);
    if (value === undefined || value === null) return null;
    if (typeof value === 'object') {
      throw new UnsupportedQueryError(
        `findPage cannot page on '${path}': document '${String(doc._id)}' holds an ${Array.isArray(value) ? 'array' : 'object'} there`,
      );
    }
    return value as string | number | boolean;
  });
  return Buffer.from(JSON.stringify({ s: entries, v: values }), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` for the same sort; anything else is refused. */
export function decodeCursor(entries: SortEntry[], cursor: string): CursorValues {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new UnsupportedQueryError('invalid page cursor');
  }
  const { s, v } = (payload ?? {}) as { s?: unknown; v?: unknown };
  if (JSON.stringify(s) !== JSON.stringify(entries)) {
    throw new UnsupportedQueryError('invalid page cursor: it was made for another sort');
  }
  if (!Array.isArray(v) || v.length !== entries.length || !v.every(isCursorValue)) {
    throw new UnsupportedQueryError('invalid page cursor');
  }
  return v;
}

function isCursorValue(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'boolean'].includes(typeof value) || (typeof value === 'number' && Number.isFinite(value));
}
