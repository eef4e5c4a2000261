import { FieldError, PROBLEM_TYPES } from './problem-details';
import { ProblemException } from './problem-exception';

/** Options a thrower may add: a more specific problem type URI or title. */
export interface ProblemOptions {
  type?: string;
  title?: string;
}

/** 400: the input is invalid; names the offending field(s). */
export class BadRequestProblem extends ProblemException {
  constructor(field: string, message: string, options: ProblemOptions = {}) {
    super({ status: 400, detail: message, errors: [{ field, message }], ...options });
  }

  static forFields(errors: FieldError[], detail = describeFieldErrors(errors)): ProblemException {
    return new ProblemException({ status: 400, type: PROBLEM_TYPES.invalidInput, detail, errors });
  }
}

/** 401: no token, or a token that cannot be trusted. */
export class UnauthorizedProblem extends ProblemException {
  constructor(detail: string) {
    super({ status: 401, detail, headers: { 'WWW-Authenticate': 'Bearer realm="trilha"' } });
  }
}

/** 403: the actor is known but its role (or portfolio) does not allow the action. */
export class ForbiddenProblem extends ProblemException {
  constructor(detail: string, options: ProblemOptions = {}) {
    super({ status: 403, detail, ...options });
  }
}

/** 404: the addressed resource does not exist. */
export class NotFoundProblem extends ProblemException {
  constructor(detail: string, options: ProblemOptions = {}) {
    super({ status: 404, detail, ...options });
  }
}

/** 409: a concurrent change, or a state that conflicts with the request. */
export class ConflictProblem extends ProblemException {
  constructor(detail: string, options: ProblemOptions = {}) {
    super({ status: 409, detail, ...options });
  }
}

/** 422: the input is well formed but a business rule refuses it; `field` names the input the rule is about. */
export class UnprocessableProblem extends ProblemException {
  constructor(detail: string, options: ProblemOptions & { field?: string } = {}) {
    const { field, ...rest } = options;
    super({ status: 422, detail, ...(field ? { errors: [{ field, message: detail }] } : {}), ...rest });
  }
}

function describeFieldErrors(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((e) => e.field))];
  return fields.length === 1
    ? `The field ${fields[0]} is invalid.`
    : `The fields ${fields.join(', ')} are invalid.`;
}
