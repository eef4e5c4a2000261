import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor';

/** The authenticated actor of the request. Only on routes that are not `@Public()`. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const { actor } = context.switchToHttp().getRequest<FastifyRequest>();
  if (!actor) throw new Error('@CurrentActor() used on a route without an authenticated actor (is it @Public()?)');
  return actor;
});
