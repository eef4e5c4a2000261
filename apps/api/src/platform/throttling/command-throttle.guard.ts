import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerStorage, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import '../auth/actor'; // declares FastifyRequest.actor
import { PROBLEM_TYPES } from '../problems/problem-details';
import { ProblemException } from '../problems/problem-exception';
import { COMMAND_RATE_LIMIT } from './command-rate-limit';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WINDOW_MS = 60_000;

/**
 * Limits commands (POST/PUT/PATCH/DELETE) per user: at most `COMMAND_RATE_LIMIT` a minute
 * across all command routes, keyed by the token's subject (the client's IP on a public route).
 * Reads are never limited. Over the limit: 429 problem+json with `Retry-After` (seconds).
 * Registered after JwtAuthGuard and RolesGuard, so the actor is known and a request refused by
 * them is not counted.
 */
@Injectable()
export class CommandThrottleGuard extends ThrottlerGuard {
  constructor(@Inject(COMMAND_RATE_LIMIT) private readonly limit: number, @Inject(ThrottlerStorage) storage: ThrottlerStorage, reflector: Reflector) {
    super({ throttlers: [{ name: 'default', ttl: WINDOW_MS, limit }] }, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (this.limit === 0 || context.getType() !== 'http') return true;
    return !COMMAND_METHODS.has(context.switchToHttp().getRequest<FastifyRequest>().method);
  }

  protected override async getTracker(request: Record<string, any>): Promise<string> {
    const { actor, ip } = request as FastifyRequest;
    return actor ? `user:${actor.id}` : `ip:${ip}`;
  }

  /** One budget per user for all command routes (the default key is per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return `commands:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new ProblemException({
      status: 429,
      type: PROBLEM_TYPES.rateLimited,
      detail: `Too many commands: at most ${detail.limit} a minute per user. Retry after ${retryAfter} s.`,
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
}
