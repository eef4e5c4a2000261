import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { FieldError, ProblemDetails, problemTypeForStatus } from './problem-details';

export interface ProblemInit {
  status: number;
  detail: string;
  /** Defaults to the type of the status (see `problemTypeForStatus`). */
  type?: string;
  /** Defaults to the status' reason phrase. */
  title?: string;
  errors?: FieldError[];
  /** Response headers to send with the problem (e.g. `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/** An HttpException that carries a complete problem details document. */
export class ProblemException extends HttpException {
  readonly problem: ProblemDetails;
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    const problem: ProblemDetails = {
      type: init.type ?? problemTypeForStatus(init.status),
      title: init.title ?? STATUS_CODES[init.status] ?? 'Error',
      status: init.status,
      detail: init.detail,
      ...(init.errors ? { errors: init.errors } : {}),
    };
    super(problem, init.status);
    this.problem = problem;
    this.headers = init.headers ?? {};
  }
}
