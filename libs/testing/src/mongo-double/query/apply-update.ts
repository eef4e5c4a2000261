import { Decimal128, Double, Int32, Long, type Document } from 'bson';
import { update as mingoUpdate } from 'mingo';
import { CommandError } from '../command-error';
import { isPlainObject, valueKey } from '../storage/value-key';
import { deepCopy, withIdFirst } from './document-copy';
import { comparePaths, pathsOverlap, valueAt } from './field-path';

/** Operators the double applies (through mingo, after MongoDB's own checks). */
const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$rename',
  '$currentDate',
  '$setOnInsert',
]);
const CREATES_PATH = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$setOnInsert']);
const ARITHMETIC = new Set(['$inc', '$mul']);
const APPENDS = new Set(['$push', '$addToSet']);
const REMOVES_FROM_ARRAY = new Set(['$pull', '$pullAll', '$pop']);

/** MongoDB reads an update as operators when its first field starts with `$`, else as a replacement. */
export function isOperatorUpdate(update: Document): boolean {
  const first = Object.keys(update)[0];
  return first !== undefined && first.startsWith('$');
}

interface Modification {
  operator: string;
  path: string;
  value: unknown;
}

/**
 * `doc` after an operator update, as a new document. `inserting` is true for the document an
 * upsert creates (then `$setOnInsert` applies). Throws MongoDB's errors for an unknown
 * modifier, conflicting paths, a change of `_id`, and operators applied to the wrong type.
 */
export function applyOperatorUpdate(doc: Document, update: Document, inserting: boolean): Document {
  const modifications = parseModifications(update);
  const result = deepCopy(doc);
  for (const { operator, path, value } of modifications) {
    if (operator === '$setOnInsert' && !inserting) continue;
    const applied = operator === '$setOnInsert' ? '$set' : operator;
    checkApplicable(result, applied, path, value);
    // mingo refuses every $set of _id; MongoDB allows setting it to its value, or on insert.
    if (applied === '$set' && path === '_id') result._id = deepCopy(value);
    else applyWithMingo(result, applied, path, value);
  }
  if ('_id' in doc && valueKey(doc._id) !== valueKey(result._id)) {
    throw new CommandError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return withIdFirst(result);
}

function applyWithMingo(doc: Document, operator: string, path: string, value: unknown): void {
  try {
    mingoUpdate(doc, { [operator]: { [path]: value } } as never);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CommandError(/immutable/.test(message) ? 'ImmutableField' : 'BadValue', message);
  }
}

/** A replacement keeps the `_id` of the document it replaces. */
export function applyReplacement(existing: Document | undefined, replacement: Document): Document {
  for (const field of Object.keys(replacement)) {
    if (field.startsWith('$')) {
      throw new CommandError('BadValue', `The dollar ($) prefixed field '${field}' in '${field}' is not allowed in the context of an update's replacement document.`);
    }
  }
  if (existing && '_id' in replacement && valueKey(replacement._id) !== valueKey(existing._id)) {
    throw new CommandError(
      'ImmutableField',
      `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${JSON.stringify(replacement._id)}`,
    );
  }
  const { _id, ...rest } = deepCopy(replacement);
  const id = existing ? existing._id : _id;
  return id === undefined ? rest : { _id: id, ...rest };
}

function parseModifications(update: Document): Modification[] {
  const modifications: Modification[] = [];
  for (const [operator, operand] of Object.entries(update)) {
    if (!OPERATORS.has(operator)) {
      throw new CommandError('FailedToParse', `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    if (!isPlainObject(operand)) {
      throw new CommandError(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${typeName(operand)} instead. For example: {$mod: {<field>: ...}} not {${operator}: ${JSON.stringify(operand)}}`,
      );
    }
    for (const [path, value] of Object.entries(operand)) {
      if (path === '' || path.split('.').some((segment) => segment === '' || segment.startsWith('$'))) {
        throw new CommandError('BadValue', `the path '${path}' is not supported by the MongoDB test double (empty segments and positional operators)`);
      }
      modifications.push({ operator, path, value });
      if (operator === '$rename') modifications.push({ operator: '$rename(target)', path: String(value), value });
    }
  }
  for (let i = 0; i < modifications.length; i++) {
    for (let j = i + 1; j < modifications.length; j++) {
      const [a, b] = [modifications[i].path, modifications[j].path];
      if (pathsOverlap(a, b)) {
        const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
        throw new CommandError('ConflictingUpdateOperators', `Updating the path '${longer}' would create a conflict at '${shorter}'`);
      }
    }
  }
  return modifications.filter((m) => m.operator !== '$rename(target)').sort((a, b) => comparePaths(a.path, b.path));
}

/** MongoDB refuses what mingo would silently skip: a path through a scalar, arithmetic on text, … */
function checkApplicable(doc: Document, operator: string, path: string, value: unknown): void {
  if (CREATES_PATH.has(operator)) checkPathViable(doc, path);
  const current = valueAt(doc, path);
  if (ARITHMETIC.has(operator)) {
    if (!isNumber(value)) {
      throw new CommandError('TypeMismatch', `Cannot ${operator === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(value)}}`);
    }
    if (current !== undefined && !isNumber(current)) {
      throw new CommandError(
        'TypeMismatch',
        `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${lastSegment(path)}' of non-numeric type ${typeName(current)}`,
      );
    }
  }
  if (APPENDS.has(operator) && current !== undefined && !Array.isArray(current)) {
    throw new CommandError(
      'BadValue',
      `The field '${path}' must be an array but is of type ${typeName(current)} in document {_id: ${JSON.stringify(doc._id)}}`,
    );
  }
  if (REMOVES_FROM_ARRAY.has(operator) && current !== undefined && !Array.isArray(current)) {
    throw new CommandError('BadValue', `Cannot apply ${operator} to a non-array value`);
  }
}

function checkPathViable(doc: Document, path: string): void {
  const segments = path.split('.');
  let current: unknown = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i];
    const next = Array.isArray(current) && /^\d+$/.test(segment) ? current[Number(segment)] : isPlainObject(current) ? current[segment] : undefined;
    if (next === undefined) return;
    const child = segments[i + 1];
    if (Array.isArray(next) ? !/^\d+$/.test(child) : !isPlainObject(next)) {
      throw new CommandError('PathNotViable', `Cannot create field '${child}' in element {${segment}: ${JSON.stringify(next)}}`);
    }
    current = next;
  }
}

function isNumber(value: unknown): boolean {
  return typeof value === 'number' || value instanceof Long || value instanceof Int32 || value instanceof Double || value instanceof Decimal128;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'boolean') return 'bool';
  if (isPlainObject(value)) return 'object';
  return typeof value;
}
