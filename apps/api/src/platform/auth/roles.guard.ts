import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenProblem, UnauthorizedProblem } from '../problems/problems';
import './actor'; // declares FastifyRequest.actor
import type { Role } from './roles';
import { HandlerMetadata } from './handler-metadata';
import { REQUIRED_ROLES } from './roles.decorator';

/** Enforces `@Roles(...)`; runs after JwtAuthGuard, which sets the actor. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly requiredRoles: HandlerMetadata<Role[] | undefined>;

  constructor(reflector: Reflector) {
    this.requiredRoles = new HandlerMetadata((context) => reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]));
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = this.requiredRoles.of(context);
    if (!roles || roles.length === 0) return true;
    const { actor } = context.switchToHttp().getRequest<FastifyRequest>();
    if (!actor) throw new UnauthorizedProblem('This route needs an authenticated actor.');
    if (!roles.includes(actor.role)) {
      throw new ForbiddenProblem(`The role ${actor.role} may not do this; it needs one of: ${roles.join(', ')}.`);
    }
    return true;
  }
}
