import { ValidateBy, type ValidationOptions } from 'class-validator';
import { normalizeInstant } from '@trilha/domain';

/** An ISO 8601 date and time with an offset (`Z` or `±hh:mm`), e.g. `2026-03-10T14:30:00-03:00`. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizeInstant(value) !== undefined,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 8601 date and time with an offset, e.g. 2026-03-10T14:30:00-03:00`,
      },
    },
    options,
  );
}
