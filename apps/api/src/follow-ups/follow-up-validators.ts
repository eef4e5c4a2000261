import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isDateOnly, isFollowUpEmail, isFollowUpPhone } from '@trilha/domain';

/** The DTOs check with the domain's own rules, so HTTP and the decider cannot disagree. */
function rule(name: string, validate: (value: unknown) => boolean, message: (property: string) => string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name, validator: { validate, defaultMessage: (args) => message(args?.property ?? 'value') } }, options);
}

export const IsDateOnly = (options?: ValidationOptions) => rule('isDateOnly', isDateOnly, (p) => `${p} must be a date written YYYY-MM-DD`, options);

export const IsFollowUpEmail = (options?: ValidationOptions) =>
  rule('isFollowUpEmail', (v) => typeof v === 'string' && isFollowUpEmail(v.trim()), (p) => `${p} must be an email address such as ana@example.com`, options);

export const IsFollowUpPhone = (options?: ValidationOptions) =>
  rule('isFollowUpPhone', (v) => typeof v === 'string' && isFollowUpPhone(v.trim()), (p) => `${p} must hold 8 to 15 digits (spaces, +, -, ( ) and dots allowed)`, options);
