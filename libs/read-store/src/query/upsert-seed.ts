import type { Filter, Update } from '../read-store.port';
import { setPath } from './document-path';
import { isPlainObject } from './json-value';
import { isOperatorObject } from './validate-filter';

/**
 * The document an upsert starts from, as MongoDB builds it: the filter's equality conditions
 * (`{a: 1}`, `{a: {$eq: 1}}`, also inside `$and`), dotted paths expanded into nested objects.
 */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  collectEqualities(filter, seed);
  return seed;
}

function collectEqualities(filter: Filter, seed: Record<string, unknown>): void {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') (condition as Filter[]).forEach((sub) => collectEqualities(sub, seed));
    else if (key.startsWith('$')) continue;
    else if (!isOperatorObject(condition)) setPath(seed, key, structuredClone(condition));
    else if ('$eq' in condition) setPath(seed, key, structuredClone(condition.$eq));
  }
}

/** The `_id` an upserted document gets: the filter's `_id` equality, else `$setOnInsert._id`. */
export function upsertId(filter: Filter, update: Update): string | undefined {
  const fromFilter = upsertSeed(filter)._id;
  if (typeof fromFilter === 'string') return fromFilter;
  const onInsert = update.$setOnInsert;
  if (isPlainObject(onInsert) && typeof onInsert._id === 'string') return onInsert._id;
  return undefined;
}
