import type { FastifyRequest } from 'fastify';
import { commandContextOf } from '../src/commands/command-context.decorator';
import { commandIdFor } from '../src/commands/deterministic-ids';

function requestWith(headers: Record<string, string>): FastifyRequest {
  const raw = { headers };
  return { actor: { id: 'u1', role: 'admin', name: 'Ana' }, headers, raw } as unknown as FastifyRequest;
}

describe('commandContextOf', () => {
  it('marks a generated command id as new: the pipeline may append from its cache (ADR 0026)', () => {
    const context = commandContextOf(requestWith({}));
    expect(context.commandIdIsNew).toBe(true);
  });

  it('does not mark a command id from an Idempotency-Key as new: it may be a repeat', () => {
    const context = commandContextOf(requestWith({ 'idempotency-key': 'key-1' }));
    expect(context.commandId).toBe(commandIdFor('u1', 'key-1'));
    expect(context.commandIdIsNew).toBeUndefined();
  });
});
