import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { validate as isUuid } from 'uuid';
import { ForbiddenProblem, NotFoundProblem, type Actor } from '../platform';
import type { AccessPolicy, RouteRef } from '../platform/auth/access-policy';
import { accessRuleFor, type RouteAccess } from './access-matrix';
import { Portfolio } from './portfolio';

/**
 * Enforces ACCESS_MATRIX: the role first (403), then, for a broker, the portfolio. A customer
 * outside it answers exactly as an unknown one (404, same body), so its existence does not leak.
 * Runs before validation: an id that is not a UUID is left for the route's pipe to refuse (400).
 */
@Injectable()
export class MatrixAccessPolicy implements AccessPolicy {
  constructor(private readonly portfolio: Portfolio) {}

  async authorize(route: RouteRef, actor: Actor, request: FastifyRequest): Promise<void> {
    const rule = accessRuleFor(route.method, route.path);
    // Fail closed: a route nobody has placed in the matrix is nobody's.
    if (!rule) throw new ForbiddenProblem(`No access rule covers ${route.method} ${route.path}.`);
    if (!rule.roles.includes(actor.role)) {
      throw new ForbiddenProblem(`The role ${actor.role} may not do this; it needs one of: ${rule.roles.join(', ')}.`);
    }
    if (actor.role !== 'broker') return;
    await this.checkPortfolio(rule, actor, request);
    checkBrokerIdInBody(rule, actor, request);
  }

  private async checkPortfolio(rule: RouteAccess, actor: Actor, request: FastifyRequest): Promise<void> {
    const { scope } = rule;
    switch (scope.kind) {
      case 'customer': {
        const id = uuidOrUndefined(paramOf(request, scope.param));
        if (id && !(await this.portfolio.includes(actor.id, id))) throw unknownCustomer(id);
        return;
      }
      case 'customer-in-body': {
        const id = uuidOrUndefined(bodyOf(request)?.[scope.field]);
        if (id && !(await this.portfolio.includes(actor.id, id))) throw unknownCustomer(id);
        return;
      }
      case 'appointment': {
        const id = uuidOrUndefined(paramOf(request, scope.param));
        if (!id) return;
        const customerId = await this.portfolio.customerOfAppointment(id);
        if (!customerId || !(await this.portfolio.includes(actor.id, customerId))) {
          throw new NotFoundProblem(`Appointment ${id} does not exist`);
        }
        return;
      }
      case 'follow-up': {
        const id = uuidOrUndefined(paramOf(request, scope.param));
        // Someone else's follow-up answers as one that does not exist (the decider's 404).
        if (id && (await this.portfolio.ownerOfFollowUp(id)) !== actor.id) throw new NotFoundProblem(`Follow-up ${id} does not exist`);
        return;
      }
      case 'new-customer':
      case 'new-follow-up':
      case 'list':
      case 'none':
        return;
    }
  }
}

/** A broker names only themselves as the responsible broker; registering, they are the default. */
function checkBrokerIdInBody(rule: RouteAccess, actor: Actor, request: FastifyRequest): void {
  const body = bodyOf(request);
  if (!rule.brokerIdInBody || !body) return;
  if (rule.brokerIdInBody === 'defaults-to-broker' && body.brokerId === undefined) {
    body.brokerId = actor.id;
    return;
  }
  if ('brokerId' in body && body.brokerId !== actor.id) {
    throw new ForbiddenProblem('A broker can only name themselves as the responsible broker (brokerId).');
  }
}

/** The same answer the command and query handlers give for a customer that does not exist. */
function unknownCustomer(id: string): NotFoundProblem {
  return new NotFoundProblem(`Customer ${id} does not exist`);
}

function paramOf(request: FastifyRequest, name: string): unknown {
  return (request.params as Record<string, unknown> | undefined)?.[name];
}

/** The JSON object body, when there is one; anything else is left to validation. */
function bodyOf(request: FastifyRequest): Record<string, unknown> | undefined {
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

function uuidOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && isUuid(value) ? value.toLowerCase() : undefined;
}
