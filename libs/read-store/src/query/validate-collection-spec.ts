import { UnsupportedQueryError } from '../errors';
import type { CollectionSpec } from '../read-store.port';
import { assertCollectionName } from './collection-name';
import { assertFieldPath } from './field-path';
import { isPlainObject } from './json-value';

export function assertSupportedCollectionSpec(spec: CollectionSpec): void {
  if (!isPlainObject(spec)) throw new UnsupportedQueryError('collection spec must be a plain object');
  assertCollectionName(spec.name);
  for (const [i, index] of (spec.indexes ?? []).entries()) {
    const where = `${spec.name}.indexes[${i}]`;
    if (!isPlainObject(index?.fields) || Object.keys(index.fields).length === 0) {
      throw new UnsupportedQueryError(`${where}.fields must name at least one field`);
    }
    for (const [path, direction] of Object.entries(index.fields)) {
      assertFieldPath(path, where);
      if (direction !== 1 && direction !== -1) throw new UnsupportedQueryError(`${where}.fields.${path} must be 1 or -1`);
    }
  }
  if (spec.scalarFields === undefined) return;
  if (!Array.isArray(spec.scalarFields)) throw new UnsupportedQueryError(`${spec.name}.scalarFields must be an array of field paths`);
  for (const [i, path] of spec.scalarFields.entries()) {
    if (typeof path !== 'string') throw new UnsupportedQueryError(`${spec.name}.scalarFields[${i}] must be a field path`);
    assertFieldPath(path, `${spec.name}.scalarFields[${i}]`);
    // `_id` is always a string already (and is the id column on SQLite).
    if (path === '_id' || path.startsWith('_id.')) throw new UnsupportedQueryError(`${spec.name}.scalarFields[${i}]: _id is always a string, do not declare it`);
  }
}
