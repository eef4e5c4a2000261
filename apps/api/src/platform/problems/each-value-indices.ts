import { getMetadataStorage, ValidationArguments, ValidationError } from 'class-validator';

/**
 * For a constraint declared with `{ each: true }` (e.g. `@IsString({ each: true })`),
 * class-validator reports the whole array. This finds which items broke it, by running that
 * constraint on each item as class-validator does. Undefined when it cannot tell (no target
 * object, not an array, async constraint).
 */
export function failingItemIndices(error: ValidationError, constraintName: string): number[] | undefined {
  const target = error.target as object | undefined;
  const items = error.value;
  if (!target || !Array.isArray(items)) return undefined;
  const storage = getMetadataStorage();
  const metadatas = storage
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .filter((m) => m.propertyName === error.property && m.each);
  for (const metadata of metadatas) {
    for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
      if (constraint.name !== constraintName) continue;
      const args: ValidationArguments = {
        targetName: target.constructor.name,
        property: metadata.propertyName,
        object: target,
        value: items,
        constraints: metadata.constraints,
      };
      const results: unknown[] = items.map((item) => constraint.instance.validate(item, args));
      if (results.some((r) => r instanceof Promise)) return undefined;
      return results.flatMap((valid, index) => (valid ? [] : [index]));
    }
  }
  return undefined;
}
