import { EJSON, Long, ObjectId } from 'bson';

/**
 * A string that is equal for two values exactly when MongoDB's index treats them as equal:
 * numbers by value whatever their BSON type, embedded documents field by field in order,
 * null and a missing field alike. Used for `_id` lookups and unique indexes.
 */
export function valueKey(value: unknown): string {
  if (value === undefined) return 'u'; // an empty array's index key
  if (value === null) return 'z';
  if (typeof value === 'number') return `n${Object.is(value, -0) ? 0 : value}`;
  if (typeof value === 'bigint') return `n${value}`;
  if (value instanceof Long) return `n${value.toString()}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `b${value}`;
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof ObjectId) return `o${value.toHexString()}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${valueKey(v)}`)
      .join(',')}}`;
  }
  return `x${EJSON.stringify(value as never, { relaxed: false })}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
