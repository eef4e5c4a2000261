import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedProblem } from '../problems/problems';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';
import './actor'; // declares FastifyRequest.actor
import { HandlerMetadata } from './handler-metadata';
import { IS_PUBLIC } from './public.decorator';
import { routeOf } from './route-of';

/**
 * Asks the app's AccessPolicy (role matrix and portfolio) about every authenticated request.
 * Runs after JwtAuthGuard, which sets the actor. An app that provides no policy (the platform's
 * own tests) is left with `@Roles(...)` alone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly isPublic: HandlerMetadata<boolean>;

  constructor(
    reflector: Reflector,
    @Optional() @Inject(ACCESS_POLICY) private readonly policy?: AccessPolicy,
  ) {
    this.isPublic = new HandlerMetadata((context) => reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || !this.policy) return true;
    if (this.isPublic.of(context)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.actor) throw new UnauthorizedProblem('This route needs an authenticated actor.');
    await this.policy.authorize(routeOf(request), request.actor, request);
    return true;
  }
}
