import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor';

/** The route a request matched, as registered: `{ method: 'GET', path: '/customers/:id' }`. */
export interface RouteRef {
  method: string;
  path: string;
}

/**
 * Decides whether an authenticated actor may call a route: throws a problem (403, or 404 where
 * the answer must not reveal that the addressed resource exists) or returns. The app provides
 * one under ACCESS_POLICY; the AccessGuard calls it on every authenticated request.
 */
export interface AccessPolicy {
  authorize(route: RouteRef, actor: Actor, request: FastifyRequest): Promise<void>;
}

export const ACCESS_POLICY = Symbol('AccessPolicy');
