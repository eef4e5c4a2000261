import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { guardedJsonParser } from './input/json-body-parser';
import { correlationIdOf } from './logging/correlation-id';
import { problemFromFastifyError } from './problems/fastify-errors';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface FastifyAdapterOptions {
  /** Largest accepted request body in bytes; larger ones get 413. Default 1 MiB. */
  bodyLimit?: number;
}

/**
 * A FastifyAdapter for a JSON-only API: other request bodies are refused with 415, JSON bodies
 * with reserved or operator keys are refused with 400 (see `guardedJsonParser`), and
 * body-parsing errors reach Nest as problems (Nest would reduce them to plain HttpExceptions
 * that no longer tell malformed JSON from other 400s).
 */
class ProblemFastifyAdapter extends FastifyAdapter {
  private jsonParserGuarded = false;

  override registerParserMiddleware(prefix?: string, rawBody?: boolean): void {
    super.registerParserMiddleware(prefix, rawBody);
    if (this.jsonParserGuarded) return;
    this.jsonParserGuarded = true;
    const fastify = this.getInstance();
    fastify.removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded', 'application/json']);
    this.useBodyParser('application/json', rawBody === true, { bodyLimit: fastify.initialConfig.bodyLimit }, guardedJsonParser(fastify));
  }

  override setErrorHandler(handler: Parameters<FastifyAdapter['setErrorHandler']>[0]) {
    return super.setErrorHandler(function (this: unknown, error, request, reply) {
      return handler.call(this as never, problemFromFastifyError(error) as typeof error, request, reply);
    });
  }
}

/**
 * Nest's Fastify options as Trilha runs them. `skipMiddie`: Trilha has no Nest middleware
 * (request logging is a Fastify hook, the rest are guards, pipes and filters), so the
 * @fastify/middie hook that would run an empty middleware chain on every request is left out
 * (docs/adr/0032-nest-on-fastify-without-middie.md). A middleware added later fails at start.
 */
export const NEST_FASTIFY_OPTIONS = { skipMiddie: true } as const;

export function createFastifyAdapter({ bodyLimit = DEFAULT_BODY_LIMIT }: FastifyAdapterOptions = {}): FastifyAdapter {
  return new ProblemFastifyAdapter({ ...NEST_FASTIFY_OPTIONS, bodyLimit, genReqId: (request: IncomingMessage) => correlationIdOf(request) });
}
