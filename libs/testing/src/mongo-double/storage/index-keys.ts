import type { Document } from 'bson';
import { CommandError } from '../command-error';
import { isPlainObject, valueKey } from './value-key';

export interface IndexSpec {
  v: 2;
  key: Document;
  name: string;
  unique?: boolean;
}

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/** One index entry of a document: the key values in index field order, and their identity. */
export interface IndexEntry {
  values: unknown[];
  key: string;
}

/**
 * The entries a document puts in an index: a field holding an array contributes one entry per
 * element (a multikey index), a missing field is indexed as null. As in MongoDB, at most one
 * field of a compound index may hold an array.
 */
export function indexEntries(spec: IndexSpec, doc: Document): IndexEntry[] {
  const fields = Object.keys(spec.key);
  const perField = fields.map((field) => valuesAtPath(doc, field.split('.')));
  const multikey = perField.filter((values) => values.multikey);
  if (multikey.length > 1) {
    throw new CommandError('CannotIndexParallelArrays', `cannot index parallel arrays [${fields.join('] [')}]`);
  }
  let combos: unknown[][] = [[]];
  for (const { values } of perField) combos = combos.flatMap((combo) => values.map((value) => [...combo, value]));
  const seen = new Set<string>();
  const entries: IndexEntry[] = [];
  for (const values of combos) {
    const key = values.map(valueKey).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ values, key });
  }
  return entries;
}

/** `{field: value, …}` for an entry, as MongoDB reports it in `keyValue`. */
export function keyValueOf(spec: IndexSpec, entry: IndexEntry): Document {
  const keyValue: Document = {};
  Object.keys(spec.key).forEach((field, i) => {
    keyValue[field] = entry.values[i] === undefined ? null : entry.values[i];
  });
  return keyValue;
}

function valuesAtPath(value: unknown, segments: string[]): { values: unknown[]; multikey: boolean } {
  if (segments.length === 0) {
    if (Array.isArray(value)) return { values: value.length === 0 ? [undefined] : [...value], multikey: true };
    return { values: [value === undefined ? null : value], multikey: false };
  }
  const [head, ...rest] = segments;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head) && Number(head) < value.length) return valuesAtPath(value[Number(head)], rest);
    const values = value.filter(isPlainObject).flatMap((element) => valuesAtPath(element[head], rest).values);
    return { values: values.length > 0 ? values : [null], multikey: true };
  }
  if (isPlainObject(value)) return valuesAtPath(value[head], rest);
  return { values: [null], multikey: false };
}
