import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { toProblem } from './to-problem';

/** Answers every error, from a route, the router or Fastify's body parsing, as `application/problem+json`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const { problem, headers, unexpected } = toProblem(exception);
    if (unexpected) this.logger.error(exception instanceof Error ? exception : String(exception));
    send(host.switchToHttp().getResponse(), problem, headers);
  }
}

/** Nest hands over a Fastify reply for routes, but the raw Node response for errors raised in middleware. */
function send(response: FastifyReply | ServerResponse, problem: ProblemDetails, headers: Record<string, string>): void {
  const body = JSON.stringify(problem);
  if (isFastifyReply(response)) {
    if (response.sent) return;
    response.code(problem.status).headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE }).send(body);
    return;
  }
  if (response.headersSent) return;
  response.statusCode = problem.status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  response.end(body);
}

function isFastifyReply(response: FastifyReply | ServerResponse): response is FastifyReply {
  return typeof (response as FastifyReply).code === 'function' && 'raw' in response;
}
