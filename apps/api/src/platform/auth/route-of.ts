import type { FastifyRequest } from 'fastify';
import type { RouteRef } from './access-policy';

/** The registered route of a request (its pattern, not the concrete URL). */
export function routeOf(request: FastifyRequest): RouteRef {
  return { method: request.method.toUpperCase(), path: request.routeOptions.url ?? request.url };
}
