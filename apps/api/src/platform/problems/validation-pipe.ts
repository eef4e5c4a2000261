import { ValidationPipe } from '@nestjs/common';
import { BadRequestProblem } from './problems';
import { fieldErrorsOf } from './validation-errors';

/** The global pipe: unknown fields are refused, and failures become a 400 problem naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The failing object is needed to tell which items of an array broke an `each` rule.
    validationError: { target: true },
    exceptionFactory: (errors) => BadRequestProblem.forFields(fieldErrorsOf(errors)),
  });
}
