import { UnsupportedQueryError } from '../errors';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Throws unless `value` is JSON: string, finite number, boolean, null, array, plain object.
 * Dates, class instances, NaN and bigint would be stored differently by BSON and JSON, so the
 * two adapters would disagree; they are refused instead. An `undefined` object property is
 * allowed (both adapters drop it) unless `allowUndefined` is false.
 */
export function assertJsonValue(value: unknown, where: string, allowUndefined = true): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (Number.isFinite(value)) return;
      throw new UnsupportedQueryError(`${where}: ${value} is not a finite number`);
    case 'undefined':
      if (allowUndefined) return;
      throw new UnsupportedQueryError(`${where}: undefined is not a JSON value`);
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertJsonValue(item, `${where}[${i}]`, allowUndefined));
        return;
      }
      if (isPlainObject(value)) {
        for (const [key, item] of Object.entries(value)) assertJsonValue(item, `${where}.${key}`, allowUndefined);
        return;
      }
      throw new UnsupportedQueryError(`${where}: ${describe(value)} is not a JSON value`);
    default:
      throw new UnsupportedQueryError(`${where}: a ${typeof value} is not a JSON value`);
  }
}

function describe(value: object): string {
  return value.constructor?.name ? `an instance of ${value.constructor.name}` : 'this object';
}
