import type { Document } from 'bson';
import { isPlainObject } from '../storage/value-key';

/** A deep copy of plain objects and arrays; BSON values (ObjectId, Binary, …) are immutable and kept. */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = deepCopy(inner);
    return copy as T;
  }
  return value;
}

/** The document with `_id` as its first field, as MongoDB stores every document. */
export function withIdFirst(doc: Document): Document {
  if (Object.keys(doc)[0] === '_id' || !('_id' in doc)) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}
