import type { Filter, FindOptions, Page, PageOptions } from '../read-store.port';
import { afterCursorFilter } from './after-cursor-filter';
import { decodeCursor, effectiveSort, encodeCursor, sortObject } from './keyset-cursor';
import { pageSize } from './validate-find-options';

/**
 * Keyset pagination on top of an adapter's `find`: fetches one document more than the page
 * size to know whether a next page exists, and resumes strictly after the cursor's position.
 */
export async function findPageUsing<T extends Record<string, unknown>>(
  find: (filter: Filter, options: FindOptions) => Promise<T[]>,
  filter: Filter,
  options: PageOptions | undefined,
): Promise<Page<T>> {
  const size = pageSize(options);
  const entries = effectiveSort(options?.sort);
  const where = options?.cursor === undefined ? filter : resumeAfter(filter, afterCursorFilter(entries, decodeCursor(entries, options.cursor)));
  const rows = await find(where, { sort: sortObject(entries), limit: size + 1 });
  const items = rows.slice(0, size);
  return { items, nextCursor: rows.length > size ? encodeCursor(entries, items[items.length - 1]) : null };
}

function resumeAfter(filter: Filter, after: Filter): Filter {
  return Object.keys(filter).length === 0 ? after : { $and: [filter, after] };
}
