import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenProblem, UnauthorizedProblem } from '../problems/problems';
import './actor'; // declares FastifyRequest.actor
import type { Role } from './roles';
import { REQUIRED_ROLES } from './roles.decorator';

/** Enforces `@Roles(...)`; runs after JwtAuthGuard, which sets the actor. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const { actor } = context.switchToHttp().getRequest<FastifyRequest>();
    if (!actor) throw new UnauthorizedProblem('This route needs an authenticated actor.');
    if (!roles.includes(actor.role)) {
      throw new ForbiddenProblem(`The role ${actor.role} may not do this; it needs one of: ${roles.join(', ')}.`);
    }
    return true;
  }
}
