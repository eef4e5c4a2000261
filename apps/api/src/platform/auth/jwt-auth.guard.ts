import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedProblem } from '../problems/problems';
import './actor'; // declares FastifyRequest.actor
import { bearerTokenOf } from './bearer-token';
import { InvalidTokenError } from './invalid-token.error';
import { HandlerMetadata } from './handler-metadata';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token-service';

/** Requires a valid bearer token on every HTTP route not marked `@Public()`, and puts its actor on the request. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly isPublic: HandlerMetadata<boolean>;

  constructor(reflector: Reflector, private readonly tokens: TokenService) {
    this.isPublic = new HandlerMetadata((context) => reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (this.isPublic.of(context)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw new UnauthorizedProblem('This route needs an Authorization: Bearer <token> header.');
    try {
      request.actor = this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedProblem(error.message);
      throw error;
    }
    return true;
  }
}
