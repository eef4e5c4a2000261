import { InvalidUpdateError, UnsupportedQueryError } from '../errors';
import type { CollectionWrite, Update, WriteOp } from '../read-store.port';
import { splitPath } from './field-path';
import { isPlainObject } from './json-value';
import { upsertSeed } from './upsert-seed';

/**
 * Refuses, before anything is applied, every write that would put an array or an object at a
 * field its collection declares scalar (`CollectionSpec.scalarFields`), or an array on the way
 * to it. `declaredIn` gives a collection's declared fields (empty when none). Writes keep the
 * guarantee field by field, so the documents already stored need not be read: they hold it
 * from the moment of the declaration (checked then by each adapter).
 */
export function assertScalarFieldsKept(writes: CollectionWrite[], declaredIn: (collection: string) => readonly string[]): void {
  writes.forEach(({ collection, write }, i) => {
    const fields = declaredIn(collection);
    if (fields.length > 0) assertWriteKeepsScalars(collection, write, fields, `writes[${i}]`);
  });
}

export function assertWriteKeepsScalars(collection: string, write: WriteOp, fields: readonly string[], where = 'write'): void {
  const refuse = (field: string, problem: string): never => {
    throw new UnsupportedQueryError(`${where}: field '${field}' of collection '${collection}' is declared scalar: ${problem}`);
  };
  const checkValue = (value: unknown, at: string, field: string): void => {
    const problem = nonScalarIn(value, at, field);
    if (problem !== undefined) refuse(field, problem);
  };
  switch (write.op) {
    case 'insertOne':
      for (const field of fields) checkValue(write.doc, '', field);
      return;
    case 'replaceOne':
      for (const field of fields) checkValue(write.replacement, '', field);
      return;
    case 'updateOne':
    case 'updateMany':
      checkUpdate(write.update, fields, checkValue, refuse);
      if (write.op === 'updateOne' && write.upsert) {
        const seed = seedOf(write.filter);
        for (const field of fields) checkValue(seed, '', field);
      }
      return;
    default:
      return;
  }
}

function checkUpdate(
  update: Update,
  fields: readonly string[],
  checkValue: (value: unknown, at: string, field: string) => void,
  refuse: (field: string, problem: string) => never,
): void {
  for (const [op, operand] of Object.entries(update)) {
    for (const [path, value] of Object.entries(operand as Record<string, unknown>)) {
      // Both adapters drop undefined operands; $unset never adds a value.
      if (value === undefined || op === '$unset') continue;
      for (const field of fields) {
        if (path === field || field.startsWith(`${path}.`)) {
          if (op === '$set' || op === '$setOnInsert') checkValue(value, path, field);
          else if (op === '$push' || op === '$pull') refuse(field, `${op} needs an array at '${path}'`);
          // $inc puts a number at the path (below it the field is then missing).
        } else if (path.startsWith(`${field}.`)) {
          refuse(field, `${op} on '${path}' would make it an object`);
        }
      }
    }
  }
}

const NO_SEGMENTS: readonly string[] = [];
/** Declared fields split once: every document written is checked against them. */
const fieldSegments = new Map<string, readonly string[]>();

function segmentsOf(field: string): readonly string[] {
  let segments = fieldSegments.get(field);
  if (segments === undefined) {
    // Declared names are few; a bound still keeps an odd caller from growing this without end.
    if (fieldSegments.size >= 1_000) fieldSegments.clear();
    fieldSegments.set(field, (segments = Object.freeze(splitPath(field))));
  }
  return segments;
}

/**
 * Why `field` is not scalar in `value`, the value found at path `at` ('' for a whole
 * document, else a prefix of `field` or the field itself); undefined when it is scalar or
 * missing.
 */
export function nonScalarIn(value: unknown, at: string, field: string): string | undefined {
  const below = at === field ? NO_SEGMENTS : at === '' ? segmentsOf(field) : splitPath(field.slice(at.length + 1));
  let current = value;
  for (let depth = 0; ; depth++) {
    if (Array.isArray(current)) return `'${[...(at === '' ? [] : [at]), ...below.slice(0, depth)].join('.')}' would hold an array`;
    if (depth === below.length) return isPlainObject(current) ? `it would hold an object` : undefined;
    // A scalar on the way leaves the field missing, which is allowed.
    if (!isPlainObject(current)) return undefined;
    current = current[below[depth]];
  }
}

/** The document an upsert would start from; a seed the filter cannot build fails later, when applied. */
function seedOf(filter: Record<string, unknown>): Record<string, unknown> {
  try {
    return upsertSeed(filter);
  } catch (error) {
    if (error instanceof InvalidUpdateError) return {};
    throw error;
  }
}
