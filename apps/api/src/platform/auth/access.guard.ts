import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedProblem } from '../problems/problems';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';
import './actor'; // declares FastifyRequest.actor
import { IS_PUBLIC } from './public.decorator';
import { routeOf } from './route-of';

/**
 * Asks the app's AccessPolicy (role matrix and portfolio) about every authenticated request.
 * Runs after JwtAuthGuard, which sets the actor. An app that provides no policy (the platform's
 * own tests) is left with `@Roles(...)` alone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ACCESS_POLICY) private readonly policy?: AccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || !this.policy) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.actor) throw new UnauthorizedProblem('This route needs an authenticated actor.');
    await this.policy.authorize(routeOf(request), request.actor, request);
    return true;
  }
}
