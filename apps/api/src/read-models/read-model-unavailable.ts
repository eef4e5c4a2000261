import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemException } from '../platform';
import { problemResponse } from '../platform/openapi/problem-response';

/** Seconds a client waits before asking again: a projector registers its read models as it starts. */
export const READ_MODEL_RETRY_AFTER_SECONDS = 5;

/**
 * A read model that cannot be read yet: with the projections in another process
 * (TRILHA_PROJECTIONS=off), its projector has not registered it in the stored catalogue. A 503
 * with Retry-After, not a 500: nothing is wrong but the order in which the processes started.
 */
export class ReadModelUnavailableException extends ProblemException {
  constructor(readonly projection: string) {
    super({
      status: 503,
      detail: `The read model '${projection}' is not available yet: its projector has not started. Try again in a few seconds.`,
      headers: { 'retry-after': String(READ_MODEL_RETRY_AFTER_SECONDS) },
    });
  }
}

/** Declares the 503 of a route that reads read models (OpenAPI). */
export function ApiReadModelUnavailable() {
  return applyDecorators(
    ApiResponse({
      status: 503,
      ...problemResponse(503, 'A read model this route reads is not available yet (its projector has not started); nothing was done'),
      headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer', minimum: 1 } } },
    }),
  );
}
