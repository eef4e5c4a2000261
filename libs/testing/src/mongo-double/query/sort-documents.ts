import type { Document } from 'bson';
import { CommandError } from '../command-error';
import { compareValues } from './bson-order';
import { pathValues } from './path-values';

/** Sorts below null: the key of an empty array. */
const EMPTY_ARRAY = Symbol('empty array');

/**
 * The key a document sorts by on one field, as MongoDB defines it: null for a missing field;
 * for an array, its smallest element in an ascending sort and its largest in a descending one
 * (mingo takes the smallest in both directions), an empty array sorting before null.
 */
function sortKey(doc: Document, path: string, direction: 1 | -1): unknown {
  const values = pathValues(doc, path);
  const candidates = values.reached.flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (values.missing) candidates.push(null);
  if (candidates.length === 0) return values.reached.length > 0 ? EMPTY_ARRAY : null;
  return candidates.reduce((best, value) => (compareValues(value, best) * direction < 0 ? value : best));
}

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compareValues(a, b);
}

/** A stable sort of `docs` by a MongoDB sort document (`{field: 1 | -1, …}`). */
export function sortDocuments(docs: Document[], sort: Document): Document[] {
  const fields = Object.entries(sort).map(([path, direction]) => {
    if (direction !== 1 && direction !== -1) throw new CommandError('BadValue', `$sort key ordering must be 1 (for ascending) or -1 (for descending)`);
    return { path, direction: direction as 1 | -1 };
  });
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(({ path, direction }) => sortKey(doc, path, direction)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareKeys(a.keys[i], b.keys[i]) * fields[i].direction;
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map(({ doc }) => doc);
}
