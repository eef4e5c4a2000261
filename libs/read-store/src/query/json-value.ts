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
  const path: PathSegment[] = [];
  const problem = jsonProblem(value, allowUndefined, path);
  if (problem !== undefined) throw new UnsupportedQueryError(`${where}${formatPath(path)}: ${problem}`);
}

/** A key, or an array index, on the way from a checked value to one of its parts. */
export type PathSegment = string | number;

/** `.key` and `[index]` segments as error messages spell them (built only on failure). */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
}

/** What is wrong with the first non-JSON part of `value`, whose path is left in `path`. */
function jsonProblem(value: unknown, allowUndefined: boolean, path: PathSegment[]): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${value} is not a finite number`;
    case 'undefined':
      return allowUndefined ? undefined : 'undefined is not a JSON value';
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          const problem = jsonProblem(value[i], allowUndefined, path);
          if (problem !== undefined) return problem;
          path.pop();
        }
        return undefined;
      }
      if (isPlainObject(value)) {
        for (const key of Object.keys(value)) {
          path.push(key);
          const problem = jsonProblem(value[key], allowUndefined, path);
          if (problem !== undefined) return problem;
          path.pop();
        }
        return undefined;
      }
      return `${describe(value)} is not a JSON value`;
    }
    default:
      return `a ${typeof value} is not a JSON value`;
  }
}

function describe(value: object): string {
  return value.constructor?.name ? `an instance of ${value.constructor.name}` : 'this object';
}
