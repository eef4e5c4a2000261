import { UnsupportedQueryError } from '../errors';
import type { FindOptions, PageOptions, Sort } from '../read-store.port';
import { assertFieldPath } from './field-path';
import { isPlainObject } from './json-value';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function assertSupportedSort(sort: Sort | undefined): void {
  if (sort === undefined) return;
  if (!isPlainObject(sort)) throw new UnsupportedQueryError('sort must be a plain object');
  for (const [path, direction] of Object.entries(sort)) {
    assertFieldPath(path, 'sort');
    if (direction !== 1 && direction !== -1) {
      throw new UnsupportedQueryError(`sort.${path} must be 1 or -1`);
    }
  }
}

export function assertFindOptions(options: FindOptions | undefined): void {
  if (!options) return;
  if (options.anyOrder !== undefined) {
    if (typeof options.anyOrder !== 'boolean') throw new UnsupportedQueryError('anyOrder must be a boolean');
    if (options.anyOrder && (options.sort !== undefined || options.limit !== undefined || options.skip !== undefined)) {
      throw new UnsupportedQueryError('anyOrder cannot be combined with sort, limit or skip');
    }
  }
  assertSupportedSort(options.sort);
  assertCount(options.limit, 'limit');
  assertCount(options.skip, 'skip');
}

/** Validates page options and returns the page size to use (default 50, at most 500). */
export function pageSize(options: PageOptions | undefined): number {
  assertSupportedSort(options?.sort);
  const limit = options?.limit;
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new UnsupportedQueryError('page limit must be a positive integer');
  return Math.min(limit, MAX_PAGE_SIZE);
}

function assertCount(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new UnsupportedQueryError(`${name} must be a non-negative integer`);
  }
}
