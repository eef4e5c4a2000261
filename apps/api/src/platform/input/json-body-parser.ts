import type { FastifyInstance } from 'fastify';
import { BadRequestProblem } from '../problems/problems';
import { findInputProblem } from './forbidden-keys';
import { toInputProblemException } from './input-problem';

type BodyParser = (request: unknown, body: Buffer, done: (error: Error | null, value?: unknown) => void) => void;

/**
 * Fastify's JSON parser, made to refuse with a 400 that names the field: a body that is not a
 * JSON object (every command of this API takes an object), reserved and operator keys
 * (`__proto__`, `constructor`, `prototype`, `$…`) at any depth, and bodies nested deeper than
 * MAX_INPUT_DEPTH. Fastify's own proto-poisoning check would only say "invalid JSON": it is
 * switched off here because this check covers it (JSON.parse itself only makes own properties).
 */
export function guardedJsonParser(fastify: FastifyInstance): BodyParser {
  const parse = fastify.getDefaultJsonParser('ignore', 'ignore') as unknown as BodyParser;
  return (request, body, done) =>
    parse(request, body, (error, value) => {
      if (error) return done(error);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return done(new BadRequestProblem('body', 'the request body must be a JSON object'));
      }
      const problem = findInputProblem(value);
      if (problem) return done(toInputProblemException(problem, 'body'));
      done(null, value);
    });
}
