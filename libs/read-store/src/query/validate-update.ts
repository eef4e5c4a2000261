import { UnsupportedQueryError } from '../errors';
import type { Document, Update } from '../read-store.port';
import { assertFieldPath, pathsOverlap, RESERVED_FIELD_NAMES } from './field-path';
import { assertJsonValue, formatPath, isPlainObject, type PathSegment } from './json-value';

export const UPDATE_OPERATORS = ['$set', '$unset', '$inc', '$setOnInsert', '$push', '$pull'] as const;
export type UpdateOperator = (typeof UPDATE_OPERATORS)[number];

/**
 * Throws UnsupportedQueryError unless `update` is an operator update inside the subset. Paths
 * that overlap across operators (`$set: {a}` with `$inc: {'a.b'}`) are refused up front, as
 * MongoDB refuses them. `_id` may only be given through `$setOnInsert`.
 */
export function assertSupportedUpdate(update: Update, where = 'update'): void {
  if (!isPlainObject(update) || Object.keys(update).length === 0) {
    throw new UnsupportedQueryError(`${where} must be a non-empty object of update operators`);
  }
  const seen: string[] = [];
  for (const [op, operand] of Object.entries(update)) {
    if (!(UPDATE_OPERATORS as readonly string[]).includes(op)) {
      throw new UnsupportedQueryError(`${where}: ${op.startsWith('$') ? `operator ${op} is not supported` : `'${op}' is not an update operator (use replaceOne)`}`);
    }
    if (!isPlainObject(operand)) throw new UnsupportedQueryError(`${where}.${op} must be an object`);
    for (const [path, value] of Object.entries(operand)) {
      assertFieldPath(path, `${where}.${op}`);
      if (path === '_id' || path.startsWith('_id.')) {
        if (op !== '$setOnInsert' || path !== '_id' || typeof value !== 'string') {
          throw new UnsupportedQueryError(`${where}: _id can only be given as a string in $setOnInsert`);
        }
      }
      assertOperand(op as UpdateOperator, value, `${where}.${op}.${path}`);
      const clash = seen.find((other) => pathsOverlap(other, path));
      if (clash !== undefined) throw new UnsupportedQueryError(`${where}: paths '${clash}' and '${path}' conflict`);
      seen.push(path);
    }
  }
}

function assertOperand(op: UpdateOperator, value: unknown, where: string): void {
  switch (op) {
    case '$unset':
      return;
    case '$inc':
      if (value === undefined || (typeof value === 'number' && Number.isFinite(value))) return;
      throw new UnsupportedQueryError(`${where}: $inc takes a finite number`);
    case '$pull':
      if (value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        assertJsonValue(value, where);
        return;
      }
      throw new UnsupportedQueryError(`${where}: $pull takes a string, number, boolean or null`);
    default:
      assertStorable(value, where);
  }
}

/** A value that goes into a stored document: JSON with no `$`-prefixed keys and no `__proto__`, `constructor` or `prototype` keys. */
export function assertStorable(value: unknown, where: string): void {
  // Every document written passes here: one quick pass, and the error's path only on failure.
  if (isStorable(value)) return;
  // One pass for JSON (its errors come first), then one for the keys.
  assertJsonValue(value, where);
  const path: PathSegment[] = [];
  const problem = keyProblem(value, path);
  if (problem !== undefined) throw new UnsupportedQueryError(`${where}${formatPath(path)}: ${problem}`);
}

/** Whether assertStorable accepts `value` (the same rules, without building a path). */
function isStorable(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isStorable(value[i])) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key of Object.keys(value)) {
        if (key.startsWith('$') || RESERVED_FIELD_NAMES.has(key) || !isStorable(value[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** What is wrong with the first unstorable key under `value`; `path` is left at its object. */
function keyProblem(value: unknown, path: PathSegment[]): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const problem = keyProblem(value[i], path);
      if (problem !== undefined) return problem;
      path.pop();
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (key.startsWith('$')) return `field names may not start with $ ('${key}')`;
      if (RESERVED_FIELD_NAMES.has(key)) return `'${key}' is a reserved field name`;
      path.push(key);
      const problem = keyProblem(value[key], path);
      if (problem !== undefined) return problem;
      path.pop();
    }
  }
  return undefined;
}

/** A whole document (insert or replacement): a string `_id` and storable fields. */
export function assertSupportedDocument(doc: Document, where = 'document'): void {
  if (!isPlainObject(doc)) throw new UnsupportedQueryError(`${where} must be a plain object`);
  if (typeof doc._id !== 'string') throw new UnsupportedQueryError(`${where}._id must be a string`);
  assertStorable(doc, where);
}

/** Paths written by an update, across all its operators. */
export function updatedPaths(update: Update): string[] {
  return Object.values(update).flatMap((operand) => Object.keys(operand as object));
}
