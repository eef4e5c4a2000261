import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BadRequestProblem, correlationIdOf } from '../platform';
import type { CommandContext } from './command-context';
import { commandIdFor } from './deterministic-ids';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Builds the command context of a request: actor, command id (from Idempotency-Key), correlation. */
export function commandContextOf(request: FastifyRequest): CommandContext {
  const actor = request.actor;
  if (!actor) throw new Error('A command route must not be @Public()');
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
    throw new BadRequestProblem('Idempotency-Key', 'Idempotency-Key must be 1–255 visible ASCII characters');
  }
  const correlationId = correlationIdOf(request);
  const expectedRevision = ifMatchRevision(request.headers['if-match']);
  return {
    actor: { id: actor.id, role: actor.role, name: actor.name, kind: 'user' },
    commandId: commandIdFor(actor.id, key),
    ...(key === undefined ? { commandIdIsNew: true } : {}),
    correlationId,
    causationId: correlationId,
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

/** `If-Match: "3"` (or `3`): the revision the client last read. */
function ifMatchRevision(header: string | string[] | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? /^"?(-1|\d{1,19})"?$/.exec(header.trim()) : null;
  if (!match) throw new BadRequestProblem('If-Match', 'If-Match must be a stream revision from an earlier answer, e.g. "3"');
  return BigInt(match[1]);
}

/** Injects the CommandContext of the current request into a controller method. */
export const CommandCtx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext =>
  commandContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
