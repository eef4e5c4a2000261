import type { Filter } from '../read-store.port';
import type { CursorValues, SortEntry } from './keyset-cursor';

/** A filter no document matches. */
const NOTHING: Filter = { _id: { $in: [] } };

/**
 * Documents strictly after the cursor in the order of `entries`, written in the filter subset
 * so every adapter runs it: for each field k, "equal on the fields before k and after on k".
 * Null and missing sort first (ascending), as in MongoDB; so "after null" ascending is "not
 * null" and descending is nothing, and "after v" descending includes null and missing.
 * Assumes each sort field holds one type of scalar (or null/missing) across the collection.
 */
export function afterCursorFilter(entries: SortEntry[], values: CursorValues): Filter {
  const branches: Filter[] = [];
  entries.forEach(([path, direction], k) => {
    const after = strictlyAfter(path, direction, values[k]);
    if (after === null) return;
    const equalBefore = entries.slice(0, k).map(([p], i) => ({ [p]: values[i] }));
    branches.push(equalBefore.length === 0 ? after : { $and: [...equalBefore, after] });
  });
  return branches.length === 0 ? NOTHING : { $or: branches };
}

function strictlyAfter(path: string, direction: 1 | -1, value: CursorValues[number]): Filter | null {
  if (value === null) return direction === 1 ? { [path]: { $ne: null } } : null;
  if (direction === 1) return { [path]: { $gt: value } };
  return { $or: [{ [path]: { $lt: value } }, { [path]: null }] };
}
