import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Options } from 'pino-http';
import { correlationIdOf } from './correlation-id';

export interface LoggingOptions {
  /** A pino level, or `silent`; defaults to `LOG_LEVEL`, else `info`. */
  level?: string;
  /** Where log lines go; standard output by default. */
  stream?: DestinationStream;
}

/** The process's root logger: one JSON line per event. Redaction only costs when a request line is written. */
export function createRootLogger({ level = process.env.LOG_LEVEL || 'info', stream }: LoggingOptions = {}): Logger {
  const options = { level, redact: ['req.headers.authorization', 'req.headers.cookie'] };
  return stream ? pino(options, stream) : pino(options);
}

/** pino-http settings for the request lines: each carries the request's `correlationId`. */
export function httpLoggerOptions(logger: Logger): Options {
  return {
    logger,
    genReqId: (request) => correlationIdOf(request),
    customProps: (request: IncomingMessage) => ({ correlationId: correlationIdOf(request) }),
  };
}

/**
 * nestjs-pino settings: its Logger and PinoLogger write through `logger`. Its Express-style
 * middleware is not mounted (no routes): requests are bound by a Fastify hook instead
 * (request-logging-hook.ts), which is cheaper per request.
 */
export function loggerParams(logger: Logger): Params {
  return { pinoHttp: { logger }, forRoutes: [] };
}
