import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isForbiddenKey } from './forbidden-keys';

export interface StringMapLimits {
  maxEntries: number;
  maxKeyLength: number;
  maxValueLength: number;
}

/**
 * A free-form map of text (e.g. attributes a bot captured): a plain object of at most
 * `maxEntries` string values, each key 1…maxKeyLength characters without dots and not reserved
 * or an operator (`__proto__`, `constructor`, `prototype`, `$…`), each value ≤ maxValueLength.
 * Keys become document field names in the read models, hence the stricter rules.
 */
export function IsStringMap(limits: StringMapLimits, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringMap',
      validator: {
        validate: (value: unknown) => stringMapProblem(value, limits) === undefined,
        defaultMessage: (args) => `${args?.property ?? 'value'} ${stringMapProblem(args?.value, limits) ?? 'is invalid'}`,
      },
    },
    options,
  );
}

function stringMapProblem(value: unknown, { maxEntries, maxKeyLength, maxValueLength }: StringMapLimits): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be an object of text values';
  const entries = Object.entries(value);
  if (entries.length > maxEntries) return `must have at most ${maxEntries} entries`;
  for (const [key, item] of entries) {
    if (key.length === 0 || key.length > maxKeyLength) return `keys must have 1 to ${maxKeyLength} characters`;
    if (key.includes('.') || isForbiddenKey(key)) return `key ${JSON.stringify(key.slice(0, 40))} is not accepted (no dots, no $ prefix, no reserved names)`;
    if (typeof item !== 'string') return `values must be text (${JSON.stringify(key.slice(0, 40))} is not)`;
    if (item.length > maxValueLength) return `values must have at most ${maxValueLength} characters`;
  }
  return undefined;
}
