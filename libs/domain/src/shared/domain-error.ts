/**
 * A command refused by the domain. `kind` decides the HTTP answer:
 * not_found → 404, conflict → 409 (state conflict), rejected → 422 (business rule),
 * invalid → 400 (names the field).
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'rejected' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
/** A business rule refuses the command; `field` names the input the rule is about, when there is one. */
export const rejected = (code: string, message: string, field?: string) => new DomainError('rejected', code, message, field);
export const invalid = (field: string, message: string) => new DomainError('invalid', 'invalid_input', message, field);
