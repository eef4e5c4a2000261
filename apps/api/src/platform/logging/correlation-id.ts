import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Ids from clients go into logs and headers: only short, plain tokens are taken as they are.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const correlationIds = new WeakMap<IncomingMessage, string>();

/**
 * The correlation id of a request: its `X-Correlation-Id` header when acceptable, else a new
 * UUID. Decided once per request, so the logger, Fastify and the handlers all see the same id.
 * Accepts the raw Node request or a Fastify request.
 */
export function correlationIdOf(request: IncomingMessage | { raw: IncomingMessage }): string {
  const raw = 'raw' in request ? request.raw : request;
  let id = correlationIds.get(raw);
  if (!id) {
    const header = raw.headers[CORRELATION_ID_HEADER];
    id = typeof header === 'string' && ACCEPTABLE_ID.test(header) ? header : randomUUID();
    correlationIds.set(raw, id);
  }
  return id;
}
