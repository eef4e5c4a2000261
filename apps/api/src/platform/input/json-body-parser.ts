import type { FastifyInstance } from 'fastify';
import { findInputProblem } from './forbidden-keys';
import { toInputProblemException } from './input-problem';

type BodyParser = (request: unknown, body: Buffer, done: (error: Error | null, value?: unknown) => void) => void;

/**
 * Fastify's JSON parser, made to refuse reserved and operator keys (`__proto__`, `constructor`,
 * `prototype`, `$…`) at any depth, and bodies nested deeper than MAX_INPUT_DEPTH, with a 400 that
 * names the field. Fastify's own proto-poisoning check would only say "invalid JSON": it is
 * switched off here because this check covers it (JSON.parse itself only makes own properties).
 */
export function guardedJsonParser(fastify: FastifyInstance): BodyParser {
  const parse = fastify.getDefaultJsonParser('ignore', 'ignore') as unknown as BodyParser;
  return (request, body, done) =>
    parse(request, body, (error, value) => {
      if (error) return done(error);
      const problem = findInputProblem(value);
      if (problem) return done(toInputProblemException(problem, 'body'));
      done(null, value);
    });
}
