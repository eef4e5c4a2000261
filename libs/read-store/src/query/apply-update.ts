import { InvalidUpdateError } from '../errors';
import type { Update } from '../read-store.port';
import { getPath, parentFor, setPath, unsetPath } from './document-path';

/**
 * Applies a validated update to `doc` in place with MongoDB's semantics, for adapters that
 * update documents in JavaScript. `$setOnInsert` applies only when `isInsert`. Operands that
 * are `undefined` are skipped, as the MongoDB adapter drops them (`ignoreUndefined`). Fields are
 * processed in lexicographic order across all operators, as MongoDB 5+ does, so new fields land
 * in the same order on both backends (validation refuses overlapping paths, so order is safe).
 */
export function applyUpdateInPlace(doc: Record<string, unknown>, update: Update, isInsert: boolean): void {
  const steps = Object.entries(update)
    .flatMap(([op, operand]) => Object.entries(operand as Record<string, unknown>).map(([path, value]) => ({ op, path, value })))
    .filter(({ value }) => value !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { op, path, value } of steps) {
    switch (op) {
      case '$set':
        setPath(doc, path, value);
        break;
      case '$setOnInsert':
        if (isInsert && path !== '_id') setPath(doc, path, value);
        break;
      case '$unset':
        unsetPath(doc, path);
        break;
      case '$inc':
        increment(doc, path, value as number);
        break;
      case '$push':
        push(doc, path, value);
        break;
      case '$pull':
        pull(doc, path, value);
        break;
      default:
        throw new Error(`unknown update operator ${op}`);
    }
  }
}

function increment(doc: Record<string, unknown>, path: string, by: number): void {
  const current = getPath(doc, path);
  if (current === undefined) setPath(doc, path, by);
  else if (typeof current === 'number') setPath(doc, path, current + by);
  else throw new InvalidUpdateError(`Cannot apply $inc to '${path}': it is not a number`);
}

function push(doc: Record<string, unknown>, path: string, value: unknown): void {
  const [parent, key] = parentFor(doc, path);
  const current = parent[key];
  if (current === undefined) parent[key] = [value];
  else if (Array.isArray(current)) current.push(value);
  else throw new InvalidUpdateError(`Cannot apply $push to '${path}': it is not an array`);
}

function pull(doc: Record<string, unknown>, path: string, value: unknown): void {
  const current = getPath(doc, path);
  if (current === undefined) return;
  if (!Array.isArray(current)) throw new InvalidUpdateError(`Cannot apply $pull to '${path}': it is not an array`);
  setPath(doc, path, current.filter((item) => item !== value));
}
