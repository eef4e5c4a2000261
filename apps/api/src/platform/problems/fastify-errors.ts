import { PROBLEM_TYPES } from './problem-details';
import { ProblemException } from './problem-exception';

/**
 * Turns the errors Fastify raises while reading a request body into problems. Nest would
 * otherwise turn them into plain HttpExceptions and lose the error code that tells them apart.
 * Any other error is returned unchanged.
 */
export function problemFromFastifyError(error: unknown): unknown {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ProblemException({
        status: 400,
        type: PROBLEM_TYPES.malformedJson,
        detail: 'The request body is not valid JSON.',
        errors: [{ field: 'body', message: 'must be valid JSON' }],
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ProblemException({
        status: 400,
        type: PROBLEM_TYPES.malformedJson,
        detail: 'The request body is empty but its content type is application/json.',
        errors: [{ field: 'body', message: 'must not be empty' }],
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ProblemException({
        status: 400,
        detail: 'The request body size does not match its Content-Length header.',
        errors: [{ field: 'body', message: 'must match Content-Length' }],
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemException({
        status: 413,
        detail: 'The request body is larger than this server accepts.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemException({
        status: 415,
        detail: 'The request body has a content type this server does not accept; send application/json.',
      });
    default:
      return error;
  }
}
