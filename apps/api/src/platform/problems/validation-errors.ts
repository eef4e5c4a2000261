import type { ValidationError } from 'class-validator';
import { failingItemIndices } from './each-value-indices';
import { FieldError } from './problem-details';

/**
 * Flattens class-validator's error tree into one entry per broken constraint, each naming its
 * field by a dotted path: `origin.site`, `items.2.name`, and `phones.0` for a constraint that
 * applies to each item of an array.
 */
export function fieldErrorsOf(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).flatMap(([name, message]) => {
      const indices = failingItemIndices(error, name);
      return indices && indices.length > 0
        ? indices.map((index) => ({ field: `${path}.${index}`, message }))
        : [{ field: path, message }];
    });
    return [...own, ...fieldErrorsOf(error.children ?? [], path)];
  });
}
