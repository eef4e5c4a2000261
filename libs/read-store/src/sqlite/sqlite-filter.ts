import { effectiveSort, isOperatorObject } from '../query';
import type { Filter, Sort } from '../read-store.port';
import { jsonPath, typeSql, valueSql } from './sqlite-names';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Reads one value and its JSON type: a document field, or an element of an array field. */
interface Operand {
  value: string;
  type: string;
  /** True for a document field, where NULL type means "missing". */
  isField: boolean;
}

type Leaf = (operand: Operand) => string;

/**
 * Translates a validated filter into a WHERE clause with MongoDB's semantics:
 * - comparisons are type-bracketed (`$gt: 5` never matches a string, `true` never matches 1);
 * - a condition on an array field matches when the array itself or any element matches;
 * - `null` matches null and missing fields; `$ne`/`$nin` are the negations, so they match
 *   missing fields too.
 * Dotted paths do not traverse arrays of objects (`'a.b'` with `a: [{b: 1}]`): see README.
 * Fields in `scalarFields` (declared by the collection, enforced on every write) never hold an
 * array, so their conditions are the field's own comparison alone: a plain expression-index
 * lookup that can also give the ORDER BY.
 * Values are always bound parameters.
 */
export function filterToSql(filter: Filter, scalarFields: readonly string[] = NO_FIELDS): SqlFragment {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return '?';
  };
  const sql = new FilterTranslator(bind, scalarFields).filter(filter);
  return { sql, params };
}

const NO_FIELDS: readonly string[] = [];

export function sortToSql(sort: Sort | undefined): string {
  return effectiveSort(sort)
    .map(([path, direction]) => `${valueSql(path)} ${direction === 1 ? 'ASC' : 'DESC'}`)
    .join(', ');
}

class FilterTranslator {
  constructor(
    private readonly bind: (value: unknown) => string,
    private readonly scalarFields: readonly string[],
  ) {}

  /** `_id` and declared scalar fields: no array-element branch. */
  private isScalar(path: string): boolean {
    return path === '_id' || this.scalarFields.includes(path);
  }

  filter(filter: Filter): string {
    const parts = Object.entries(filter).map(([key, condition]) => {
      if (key === '$and') return this.group(condition as Filter[], 'AND');
      if (key === '$or') return this.group(condition as Filter[], 'OR');
      return this.field(key, condition);
    });
    return parts.length === 0 ? '1' : parts.join(' AND ');
  }

  private group(filters: Filter[], joiner: 'AND' | 'OR'): string {
    return `(${filters.map((f) => `(${this.filter(f)})`).join(` ${joiner} `)})`;
  }

  private field(path: string, condition: unknown): string {
    if (!isOperatorObject(condition)) return this.equalsAny(path, [condition]);
    const ranges = Object.entries(condition).filter(([op]) => op in RANGE_OPERATORS);
    const others = Object.entries(condition).filter(([op]) => !(op in RANGE_OPERATORS));
    const parts = others.map(([op, operand]) => {
      switch (op) {
        case '$eq':
          return this.equalsAny(path, [operand]);
        case '$ne':
          return not(this.equalsAny(path, [operand]));
        case '$in':
          return this.equalsAny(path, operand as unknown[]);
        case '$nin':
          return not(this.equalsAny(path, operand as unknown[]));
        case '$exists':
          return `${typeSql(path)} IS ${operand ? 'NOT NULL' : 'NULL'}`;
        default:
          throw new Error(`operator ${op} passed validation but has no translation`);
      }
    });
    if (ranges.length > 0) parts.push(this.range(path, ranges));
    return `(${parts.join(' AND ')})`;
  }

  /**
   * The comparisons on one field, each met by the field or by any element of an array field
   * (not necessarily the same element, as in MongoDB). A scalar comparison never matches an
   * array, so (a₁ OR array AND any₁) AND (a₂ OR array AND any₂) equals
   * (a₁ AND a₂) OR (array AND any₁ AND any₂): one range on the field's expression index (a
   * month of a calendar) instead of a scan of the whole index.
   */
  private range(path: string, comparisons: Array<[string, unknown]>): string {
    const leaf = (o: Operand) => comparisons.map(([op, operand]) => this.compare(o, RANGE_OPERATORS[op], operand));
    const scalar = leaf({ value: valueSql(path), type: typeSql(path), isField: true }).join(' AND ');
    if (this.isScalar(path)) return `(${scalar})`;
    const value = valueSql(path);
    const elements = leaf({ value: 'e.value', type: 'e.type', isField: false })
      .map((element) => `EXISTS (SELECT 1 FROM json_each(doc, '${jsonPath(path)}') AS e WHERE ${element})`)
      .join(' AND ');
    return `((${scalar}) OR (${value} >= '[' AND ${value} < '\\' AND ${typeSql(path)} = 'array' AND ${elements}))`;
  }

  private equalsAny(path: string, values: unknown[]): string {
    if (values.length === 0) return '0';
    return this.onField(path, (o) => `(${values.map((v) => this.equals(o, v)).join(' OR ')})`);
  }

  /**
   * `leaf` on the field itself, or on any element when the field is an array. The range test
   * on the JSON text (arrays read as '[...]') lets SQLite answer the array branch from the
   * same expression index as the scalar branch (a MULTI-INDEX OR plan).
   */
  private onField(path: string, leaf: Leaf): string {
    const value = valueSql(path);
    const type = typeSql(path);
    const scalar = leaf({ value, type, isField: true });
    if (this.isScalar(path)) return scalar;
    const element = leaf({ value: 'e.value', type: 'e.type', isField: false });
    return (
      `(${scalar} OR (${value} >= '[' AND ${value} < '\\' AND ${type} = 'array'` +
      ` AND EXISTS (SELECT 1 FROM json_each(doc, '${jsonPath(path)}') AS e WHERE ${element})))`
    );
  }

  private equals(o: Operand, expected: unknown): string {
    if (expected === null) return o.isField ? `${o.value} IS NULL` : `${o.type} = 'null'`;
    switch (typeof expected) {
      case 'string':
        // Only a JSON string reads as text that does not start with '[' or '{' (arrays and
        // objects read as their JSON text, numbers and booleans as numbers): no type test needed.
        if (!/^[[{]/.test(expected)) return `${o.value} = ${this.bind(expected)}`;
        return `(${o.value} = ${this.bind(expected)} AND ${o.type} = 'text')`;
      case 'number':
        return `(${o.value} = ${this.bind(expected)} AND ${o.type} IN ('integer', 'real'))`;
      case 'boolean':
        return `(${o.value} = ${this.bind(expected ? 1 : 0)} AND ${o.type} = '${expected}')`;
      default: {
        // Arrays and objects compare as canonical JSON text, field order included (as in MongoDB).
        const type = Array.isArray(expected) ? 'array' : 'object';
        return `(${o.value} = json(${this.bind(JSON.stringify(expected))}) AND ${o.type} = '${type}')`;
      }
    }
  }

  private compare(o: Operand, op: string, operand: unknown): string {
    switch (typeof operand) {
      case 'string':
        return `(${o.value} ${op} ${this.bind(operand)} AND ${o.type} = 'text')`;
      case 'number':
        return `(${o.value} ${op} ${this.bind(operand)} AND ${o.type} IN ('integer', 'real'))`;
      default:
        return `(${o.value} ${op} ${this.bind(operand ? 1 : 0)} AND ${o.type} IN ('true', 'false'))`;
    }
  }
}

const RANGE_OPERATORS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** Negation that treats SQL NULL (unknown) as "no match" before negating it. */
function not(sql: string): string {
  return `NOT COALESCE(${sql}, 0)`;
}
