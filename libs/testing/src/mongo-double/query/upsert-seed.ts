import type { Document } from 'bson';
import { CommandError } from '../command-error';
import { isPlainObject } from '../storage/value-key';
import { deepCopy, withIdFirst } from './document-copy';
import { pathsOverlap } from './field-path';

/**
 * The document an upsert starts from, before its update applies: the filter's equality
 * conditions (`{a: 1}`, `{a: {$eq: 1}}`, also inside `$and` and a one-clause `$or`), dotted
 * paths expanded into embedded documents.
 */
export function upsertSeed(filter: Document): Document {
  const equalities: Array<[string, unknown]> = [];
  collectEqualities(filter, equalities);
  const seed: Document = {};
  for (let i = 0; i < equalities.length; i++) {
    for (let j = 0; j < i; j++) {
      if (pathsOverlap(equalities[i][0], equalities[j][0])) {
        throw new CommandError('BadValue', `cannot infer query fields to set, path '${equalities[i][0]}' is matched twice`);
      }
    }
    setPath(seed, equalities[i][0], deepCopy(equalities[i][1]));
  }
  return withIdFirst(seed);
}

function collectEqualities(filter: Document, into: Array<[string, unknown]>): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) collectEqualities(clause, into);
    } else if (field === '$or' && Array.isArray(condition) && condition.length === 1) {
      collectEqualities(condition[0], into);
    } else if (!field.startsWith('$')) {
      if (!isOperatorObject(condition)) into.push([field, condition]);
      else if ('$eq' in condition) into.push([field, condition.$eq]);
    }
  }
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const first = Object.keys(value)[0];
  return first !== undefined && first.startsWith('$');
}

function setPath(doc: Document, path: string, value: unknown): void {
  const segments = path.split('.');
  let current = doc;
  for (const segment of segments.slice(0, -1)) {
    if (!isPlainObject(current[segment])) current[segment] = {};
    current = current[segment];
  }
  current[segments[segments.length - 1]] = value;
}
