/** One invalid field of a request: a dotted path (`origin.site`, `phones.0`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem details document, as sent with `application/problem+json`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The problem types this API answers with. They are URNs: they name the kind of problem
 * and are not meant to be dereferenced (RFC 9457 §3.1.1).
 */
export const PROBLEM_TYPES = {
  invalidInput: 'urn:trilha:problem:invalid-input',
  malformedJson: 'urn:trilha:problem:malformed-json',
  unauthorized: 'urn:trilha:problem:unauthorized',
  forbidden: 'urn:trilha:problem:forbidden',
  notFound: 'urn:trilha:problem:not-found',
  conflict: 'urn:trilha:problem:conflict',
  payloadTooLarge: 'urn:trilha:problem:payload-too-large',
  unsupportedMediaType: 'urn:trilha:problem:unsupported-media-type',
  businessRule: 'urn:trilha:problem:business-rule',
  rateLimited: 'urn:trilha:problem:rate-limited',
  internal: 'urn:trilha:problem:internal',
} as const;

/** The problem type of a status when nothing more specific is known; `about:blank` means "just the status". */
export function problemTypeForStatus(status: number): string {
  switch (status) {
    case 400: return PROBLEM_TYPES.invalidInput;
    case 401: return PROBLEM_TYPES.unauthorized;
    case 403: return PROBLEM_TYPES.forbidden;
    case 404: return PROBLEM_TYPES.notFound;
    case 409: return PROBLEM_TYPES.conflict;
    case 413: return PROBLEM_TYPES.payloadTooLarge;
    case 415: return PROBLEM_TYPES.unsupportedMediaType;
    case 422: return PROBLEM_TYPES.businessRule;
    case 500: return PROBLEM_TYPES.internal;
    default: return 'about:blank';
  }
}
