import { isPlainObject } from '../storage/value-key';

export interface PathValues {
  /** Every value the path reaches, through arrays of embedded documents. */
  reached: unknown[];
  /** Some branch of the path ends at a missing field. */
  missing: boolean;
}

/**
 * What a path reaches in a document, as MongoDB's query matching walks it: an array on the way
 * is entered (each embedded document in it followed, a numeric segment also read as a
 * position); an absent field, or a scalar where a document was expected, ends the branch as
 * missing.
 */
export function pathValues(doc: unknown, path: string): PathValues {
  const result: PathValues = { reached: [], missing: false };
  walk(doc, path.split('.'), result);
  return result;
}

function walk(value: unknown, segments: string[], into: PathValues): void {
  if (value === undefined) {
    into.missing = true;
    return;
  }
  if (segments.length === 0) {
    into.reached.push(value);
    return;
  }
  const [head, ...rest] = segments;
  if (Array.isArray(value)) {
    // Only embedded documents are followed: scalar elements and an empty array reach nothing
    // (MongoDB's jstests/core/null2.js: {'a.b': null} matches [{}] but not [] nor [5, {b: 5}]).
    if (/^\d+$/.test(head) && Number(head) < value.length) walk(value[Number(head)], rest, into);
    for (const element of value.filter(isPlainObject)) walk(element[head], rest, into);
    return;
  }
  if (isPlainObject(value)) {
    walk(value[head], rest, into);
    return;
  }
  into.missing = true;
}

/** The values an equality compares with: each reached value, and the elements of a reached array. */
export function comparedValues(values: PathValues): unknown[] {
  return values.reached.flatMap((value) => (Array.isArray(value) ? [value, ...value] : [value]));
}
