import type { Document } from 'bson';
import { Context } from 'mingo';
import { CommandError } from '../command-error';
import { isPlainObject, valueKey } from '../storage/value-key';
import { compareValues, typeRank } from './bson-order';
import { comparedValues, pathValues } from './path-values';

type Predicate = (doc: Document) => boolean;

/**
 * The comparison operators as MongoDB defines them. mingo's versions compare embedded
 * documents without regard to field order, do not match an array operand of `$in` against a
 * whole array field, see no missing field inside arrays of documents, and order strings by
 * UTF-16 code units; MongoDB does the first three and orders strings by their UTF-8 bytes.
 * mingo keeps its built-in operators ahead of custom ones, so filters are rewritten to use
 * these under names of their own; everything else in a filter is mingo's.
 */
const RENAMED: Record<string, string> = {
  $eq: '$mongoEq',
  $ne: '$mongoNe',
  $in: '$mongoIn',
  $nin: '$mongoNin',
  $gt: '$mongoGt',
  $gte: '$mongoGte',
  $lt: '$mongoLt',
  $lte: '$mongoLte',
};

function equals(path: string, operand: unknown): Predicate {
  const key = valueKey(operand);
  return (doc) => {
    const values = pathValues(doc, path);
    if (operand === null && values.missing) return true;
    return comparedValues(values).some((value) => valueKey(value) === key);
  };
}

function inList(path: string, operand: unknown, operator: string): Predicate {
  if (!Array.isArray(operand)) throw new CommandError('BadValue', `${operator} needs an array`);
  const keys = new Set(operand.filter((item) => !(item instanceof RegExp)).map(valueKey));
  const patterns = operand.filter((item): item is RegExp => item instanceof RegExp);
  const acceptsMissing = operand.some((item) => item === null);
  return (doc) => {
    const values = pathValues(doc, path);
    if (acceptsMissing && values.missing) return true;
    return comparedValues(values).some(
      (value) => keys.has(valueKey(value)) || (typeof value === 'string' && patterns.some((pattern) => pattern.test(value))),
    );
  };
}

/**
 * A range condition holds when some compared value of the operand's BSON type satisfies it
 * (type bracketing: `{$gt: 5}` never matches a string); a missing field compares as null.
 */
function range(path: string, operand: unknown, accepts: (order: number) => boolean): Predicate {
  const rank = typeRank(operand);
  return (doc) => {
    const values = pathValues(doc, path);
    const candidates = comparedValues(values);
    if (values.missing) candidates.push(null);
    return candidates.some((value) => typeRank(value) === rank && accepts(compareValues(value, operand)));
  };
}

const not =
  (predicate: Predicate): Predicate =>
  (doc) =>
    !predicate(doc);

export const COMPARISON_CONTEXT = Context.init({
  query: {
    $mongoEq: (path: string, operand: unknown) => equals(path, operand),
    $mongoNe: (path: string, operand: unknown) => not(equals(path, operand)),
    $mongoIn: (path: string, operand: unknown) => inList(path, operand, '$in'),
    $mongoNin: (path: string, operand: unknown) => not(inList(path, operand, '$nin')),
    $mongoGt: (path: string, operand: unknown) => range(path, operand, (order) => order > 0),
    $mongoGte: (path: string, operand: unknown) => range(path, operand, (order) => order >= 0),
    $mongoLt: (path: string, operand: unknown) => range(path, operand, (order) => order < 0),
    $mongoLte: (path: string, operand: unknown) => range(path, operand, (order) => order <= 0),
  } as never,
});

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** The filter with its comparisons handed to the operators above. */
export function withMongoComparisons(filter: Document): Document {
  const rewritten: Document = {};
  for (const [field, condition] of Object.entries(filter)) {
    if (LOGICAL.has(field) && Array.isArray(condition)) rewritten[field] = condition.map((clause) => (isPlainObject(clause) ? withMongoComparisons(clause) : clause));
    else if (field.startsWith('$')) rewritten[field] = condition;
    else rewritten[field] = fieldCondition(condition);
  }
  return rewritten;
}

function fieldCondition(condition: unknown): unknown {
  if (condition instanceof RegExp) return condition;
  if (!isOperatorObject(condition)) return { [RENAMED.$eq]: condition };
  const rewritten: Document = {};
  for (const [operator, operand] of Object.entries(condition)) {
    if (operator === '$not' && isOperatorObject(operand)) rewritten.$not = fieldCondition(operand);
    else if (operator === '$elemMatch' && isPlainObject(operand)) {
      rewritten.$elemMatch = isOperatorObject(operand) ? fieldCondition(operand) : withMongoComparisons(operand);
    } else rewritten[RENAMED[operator] ?? operator] = operand;
  }
  return rewritten;
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const first = Object.keys(value)[0];
  return first !== undefined && first.startsWith('$');
}
