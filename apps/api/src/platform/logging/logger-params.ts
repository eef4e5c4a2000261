import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { correlationIdOf } from './correlation-id';

export interface LoggingOptions {
  /** A pino level, or `silent`; defaults to `LOG_LEVEL`, else `info`. */
  level?: string;
  /** Where log lines go; standard output by default. */
  stream?: DestinationStream;
}

/** nestjs-pino settings: one JSON line per event, each request's lines carrying its `correlationId`. */
export function loggerParams({ level = process.env.LOG_LEVEL || 'info', stream }: LoggingOptions = {}): Params {
  const options: Options = {
    level,
    genReqId: (request) => correlationIdOf(request),
    customProps: (request: IncomingMessage) => ({ correlationId: correlationIdOf(request) }),
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
  return {
    pinoHttp: stream ? [options, stream] : options,
    // Nest 11 route syntax for "every path" (a bare '*' is deprecated).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
