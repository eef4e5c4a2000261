import { ValidateBy } from 'class-validator';
import { amountToCents } from '@trilha/domain';

/** A positive amount with at most 2 decimals, as a JSON number or a decimal string. */
export const IsAmount = () =>
  ValidateBy({
    name: 'isAmount',
    validator: {
      validate: (value: unknown) => amountToCents(value) !== undefined,
      defaultMessage: (args) => `${args?.property ?? 'amount'} must be a positive amount with at most 2 decimals, e.g. 1500.50 or "1500.50"`,
    },
  });
