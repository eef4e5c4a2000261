import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { isForbiddenKey } from './forbidden-keys';
import { toInputProblemException } from './input-problem';

/**
 * The first forbidden name among a query string's parameters, read from the raw URL (not from
 * the parsed object, where a `__proto__` parameter would already be lost). Names written with
 * brackets or dots (`filter[$gt]`, `a.constructor`) are checked segment by segment.
 */
export function forbiddenQueryKey(url: string): string | undefined {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return undefined;
  for (const name of new URLSearchParams(url.slice(queryStart + 1)).keys()) {
    if (name.split(/[[\].]/).some((segment) => segment !== '' && isForbiddenKey(segment)) || isForbiddenKey(name)) return name;
  }
  return undefined;
}

/** Fastify preValidation hook: refuses a request whose query string names a forbidden key, before any handler or guard. */
export function refuseForbiddenQueryKeys(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const key = forbiddenQueryKey(request.url);
  if (key === undefined) return done();
  done(toInputProblemException({ kind: 'forbiddenKey', path: key, key }, 'query'));
}
