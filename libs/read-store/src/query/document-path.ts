import { InvalidUpdateError } from '../errors';
import { splitPath } from './field-path';
import { isPlainObject } from './json-value';

/** The value at a dotted path, without traversing arrays; undefined when missing. */
export function getPath(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const segment of splitPath(path)) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/** The object holding the last segment of `path`, created when missing; throws when blocked. */
export function parentFor(doc: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const segments = splitPath(path);
  const last = segments.pop() as string;
  let current = doc;
  for (const segment of segments) {
    const next = current[segment];
    if (next === undefined) {
      current[segment] = {};
    } else if (!isPlainObject(next)) {
      throw new InvalidUpdateError(`Cannot create field '${last}' under '${segment}': it holds ${Array.isArray(next) ? 'an array' : JSON.stringify(next)}`);
    }
    current = current[segment] as Record<string, unknown>;
  }
  return [current, last];
}

export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const [parent, key] = parentFor(doc, path);
  parent[key] = value;
}

/** Removes the field at `path`; a missing path (or one blocked by a non-object) is left alone. */
export function unsetPath(doc: Record<string, unknown>, path: string): void {
  const segments = splitPath(path);
  const last = segments.pop() as string;
  let current: unknown = doc;
  for (const segment of segments) {
    if (!isPlainObject(current)) return;
    current = current[segment];
  }
  if (isPlainObject(current)) delete current[last];
}
