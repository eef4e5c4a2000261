import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { problemFromFastifyError } from './fastify-errors';
import { PROBLEM_TYPES, ProblemDetails, problemTypeForStatus } from './problem-details';
import { ProblemException } from './problem-exception';

export interface ProblemResponse {
  problem: ProblemDetails;
  headers: Record<string, string>;
  /** True when the error was not expected (a 5xx): it should be logged, and its details never sent. */
  unexpected: boolean;
}

/** Describes any thrown value as the problem to answer with. */
export function toProblem(thrown: unknown): ProblemResponse {
  const error = problemFromFastifyError(thrown);
  if (error instanceof ProblemException) {
    return { problem: error.problem, headers: error.headers, unexpected: error.problem.status >= 500 };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isBodyParserSyntaxError(error)) {
    return {
      problem: {
        type: PROBLEM_TYPES.malformedJson,
        title: 'Bad Request',
        status: 400,
        detail: 'The request body is not valid JSON.',
        errors: [{ field: 'body', message: 'must be valid JSON' }],
      },
      headers: {},
      unexpected: false,
    };
  }
  return { problem: internalError(), headers: {}, unexpected: true };
}

function fromHttpException(error: HttpException): ProblemResponse {
  const status = error.getStatus();
  if (status >= 500) return { problem: { ...internalError(), ...statusFields(status) }, headers: {}, unexpected: true };
  return {
    problem: { ...statusFields(status), detail: detailOf(error) },
    headers: {},
    unexpected: false,
  };
}

function statusFields(status: number) {
  return { type: problemTypeForStatus(status), title: STATUS_CODES[status] ?? 'Error', status };
}

function internalError(): ProblemDetails {
  return {
    type: PROBLEM_TYPES.internal,
    title: 'Internal Server Error',
    status: 500,
    detail: 'The server failed to handle the request.',
  };
}

/** Nest's built-in exceptions answer `{message, error, statusCode}` or a plain string. */
function detailOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return error.message;
}

/** A SyntaxError flagged 400 comes from a body parser, not from a bug (Nest's convention). */
function isBodyParserSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError && (error as { status?: unknown }).status === 400;
}
