import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date';

/** A real date written `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property ?? 'value'} must be a date written YYYY-MM-DD` },
    },
    options,
  );
}
