import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { correlationIdOf } from './correlation-id';

/** The request's correlation id, e.g. for the metadata of the events a command appends. */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  correlationIdOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
