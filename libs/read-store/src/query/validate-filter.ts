import { UnsupportedQueryError } from '../errors';
import type { Filter } from '../read-store.port';
import { assertFieldPath } from './field-path';
import { assertJsonValue, isPlainObject } from './json-value';

export const COMPARISON_OPERATORS = ['$gt', '$gte', '$lt', '$lte'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** True for `{ $gt: 1 }`-style objects: every key is an operator. */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** Throws UnsupportedQueryError unless `filter` stays inside the documented subset. */
export function assertSupportedFilter(filter: Filter, where = 'filter'): void {
  if (!isPlainObject(filter)) throw new UnsupportedQueryError(`${where} must be a plain object`);
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        throw new UnsupportedQueryError(`${where}.${key} must be a non-empty array of filters`);
      }
      value.forEach((sub, i) => assertSupportedFilter(sub as Filter, `${where}.${key}[${i}]`));
    } else if (key.startsWith('$')) {
      throw new UnsupportedQueryError(`${where}: operator ${key} is not supported`);
    } else {
      assertFieldPath(key, where);
      assertFieldCondition(value, `${where}.${key}`);
    }
  }
}

function assertFieldCondition(condition: unknown, where: string): void {
  if (!isPlainObject(condition) || !Object.keys(condition).some((k) => k.startsWith('$'))) {
    assertLiteral(condition, where);
    return;
  }
  if (!isOperatorObject(condition)) {
    throw new UnsupportedQueryError(`${where}: operators and plain fields cannot be mixed`);
  }
  for (const [op, operand] of Object.entries(condition)) {
    switch (op) {
      case '$eq':
      case '$ne':
        assertLiteral(operand, `${where}.${op}`);
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        if (!isComparable(operand)) {
          throw new UnsupportedQueryError(`${where}.${op} takes a string, number or boolean`);
        }
        break;
      case '$in':
      case '$nin':
        if (!Array.isArray(operand)) throw new UnsupportedQueryError(`${where}.${op} takes an array`);
        operand.forEach((item, i) => assertLiteral(item, `${where}.${op}[${i}]`));
        break;
      case '$exists':
        if (typeof operand !== 'boolean') throw new UnsupportedQueryError(`${where}.$exists takes a boolean`);
        break;
      default:
        throw new UnsupportedQueryError(`${where}: operator ${op} is not supported`);
    }
  }
}

function isComparable(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** A value compared as is: JSON, no `undefined`, no `$`-keys anywhere (Mongo would read them as operators). */
function assertLiteral(value: unknown, where: string): void {
  assertJsonValue(value, where, false);
  assertNoOperatorKeys(value, where);
}

function assertNoOperatorKeys(value: unknown, where: string): void {
  if (Array.isArray(value)) value.forEach((item) => assertNoOperatorKeys(item, where));
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) throw new UnsupportedQueryError(`${where}: operator ${key} is not supported here`);
      assertNoOperatorKeys(item, where);
    }
  }
}
