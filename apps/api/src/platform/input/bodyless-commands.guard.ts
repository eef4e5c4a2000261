import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { FastifyRequest } from 'fastify';
import { HandlerMetadata } from '../auth/handler-metadata';
import { BadRequestProblem } from '../problems/problems';

/**
 * A route that reads no body (e.g. `POST /appointments/:id/confirm`) refuses one that says
 * anything, as a DTO refuses unknown fields: an empty JSON object, or no body at all, is fine.
 * Otherwise a client's misplaced input would be ignored silently and the command carried out.
 * A guard, not an interceptor: the last of the global guards (401/403/404/429 come first), and
 * no global interceptor means no rxjs pipeline around every request.
 */
@Injectable()
export class BodylessCommandsGuard implements CanActivate {
  private readonly readsBody = new HandlerMetadata(readsBody);

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http' && !this.readsBody.of(context)) {
      const { body } = context.switchToHttp().getRequest<FastifyRequest>();
      if (!isEmpty(body)) throw new BadRequestProblem('body', 'this route takes no request body (send none, or {})');
    }
    return true;
  }
}

/** Nest's RouteParamtypes.BODY and RAW_BODY (a const enum, which transpile-only builds cannot inline). */
const BODY_PARAM_TYPES = new Set([3, 12]);

function readsBody(context: ExecutionContext): boolean {
  const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
  return Object.keys(args).some((key) => BODY_PARAM_TYPES.has(Number(key.split(':')[0])));
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
}
