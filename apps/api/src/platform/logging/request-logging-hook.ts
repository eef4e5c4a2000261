import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { Store, storage } from 'nestjs-pino/storage';
import { correlationIdOf } from './correlation-id';
import { httpLoggerOptions } from './logger-params';

/**
 * Binds each request to a logger, as nestjs-pino's middleware did, from a Fastify `onRequest`
 * hook: the handler's lines (Nest's Logger) carry the request's `correlationId`, and one
 * "request completed" line is written per request. Only as much as the level can write:
 * - `info` or finer: pino-http (a child logger per request and its summary line);
 * - coarser than `info` (warn, error …): a child logger with the correlation id, made only when
 *   a line is written;
 * - `silent`: nothing at all per request.
 */
export function installRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('fatal')) return; // silent
  if (logger.isLevelEnabled('info')) {
    const httpLogger = pinoHttp(httpLoggerOptions(logger));
    fastify.addHook('onRequest', (request, reply, done) => {
      httpLogger(request.raw, reply.raw);
      storage.run(new Store((request.raw as { log?: Logger }).log ?? logger), done);
    });
    return;
  }
  fastify.addHook('onRequest', (request, _reply, done) => {
    storage.run(lazyStore(logger, () => correlationIdOf(request)), done);
  });
}

/** A request store whose child logger is made on the first line written. */
function lazyStore(root: Logger, correlationId: () => string): Store {
  let child: Logger | undefined;
  return {
    get logger() {
      return (child ??= root.child({ correlationId: correlationId() }));
    },
    set logger(value: Logger) {
      child = value;
    },
  };
}
