import { UnsupportedQueryError } from '../errors';

/**
 * A path segment: no dots, quotes, backslashes or control characters, not `$`-prefixed, and
 * not all digits (Mongo reads `a.0` as "key 0 or array index 0"; SQLite cannot say both).
 * The SQLite adapter embeds paths in SQL text (so expression indexes match), hence the
 * restricted alphabet.
 */
const SEGMENT = /^[^.$"'\\\u0000-\u001f][^."'\\\u0000-\u001f]*$/;

/** Names that reach an object's prototype when assigned; never a field of a stored document. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function splitPath(path: string): string[] {
  return path.split('.');
}

export function assertFieldPath(path: string, where: string): void {
  const segments = splitPath(path);
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || /^\d+$/.test(segment) || RESERVED_FIELD_NAMES.has(segment)) {
      throw new UnsupportedQueryError(`${where}: unsupported field path '${path}'`);
    }
  }
}

/** True when one path equals the other or is a prefix of it (`a` and `a.b`). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
