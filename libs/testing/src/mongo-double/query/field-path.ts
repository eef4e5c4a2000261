import { isPlainObject } from '../storage/value-key';

/** The value at a dotted path (array positions as numeric segments), or undefined. */
export function valueAt(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isPlainObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** True when one path is the other or lies inside it (`a` and `a.b`). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * The order MongoDB (5.0 and later) applies update operators in: field by field, names in
 * lexicographic order, numeric names in numeric order.
 */
export function comparePaths(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    const bothNumeric = /^\d+$/.test(left[i]) && /^\d+$/.test(right[i]);
    if (bothNumeric) return Number(left[i]) - Number(right[i]);
    return Buffer.compare(Buffer.from(left[i]), Buffer.from(right[i]));
  }
  return left.length - right.length;
}
