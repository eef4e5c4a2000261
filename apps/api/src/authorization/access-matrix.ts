import type { Role } from '../platform';

/**
 * How a route relates to one customer, which decides what a broker may reach:
 * - `customer`: the customer id is the path parameter `param`; outside the broker's portfolio → 404.
 * - `appointment`: the path parameter is an appointment id; its customer must be in the portfolio → 404.
 * - `customer-in-body`: the customer id is the body field `field` (creating something for a customer) → 404.
 * - `new-customer`: registration; a broker registers customers for themselves (brokerId is theirs).
 * - `new-follow-up`: a follow-up opportunity (CAL6) is its registering user's, a broker's included.
 * - `follow-up`: the path parameter is a follow-up id; a broker reaches only their own → 404.
 * - `list`: a list of customers (or of their actions); the query shows a broker only their portfolio.
 * - `none`: not about customers (configuration, operations, store-wide audit).
 */
export type CustomerScope =
  | { kind: 'customer'; param: string }
  | { kind: 'appointment'; param: string }
  | { kind: 'customer-in-body'; field: string }
  | { kind: 'new-customer' }
  | { kind: 'new-follow-up' }
  | { kind: 'follow-up'; param: string }
  | { kind: 'list' }
  | { kind: 'none' };

export interface RouteAccess {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As registered with the router: `/customers/:id/temperature`. */
  path: string;
  roles: readonly Role[];
  scope: CustomerScope;
  /**
   * Routes whose body may name the responsible broker (`brokerId`). A broker may only name
   * themselves; on registration a missing brokerId becomes theirs, so what they register is in
   * their portfolio.
   */
  brokerIdInBody?: 'defaults-to-broker' | 'broker-names-self';
}

export const EVERYONE: readonly Role[] = ['admin', 'manager', 'broker', 'auditor', 'readonly'];
/** Act on customers (commands). Auditors and read-only users issue none. */
export const CUSTOMER_WORKERS: readonly Role[] = ['admin', 'manager', 'broker'];
/** LGPD erasure: a decision above the broker (seed 000: "excluir cliente" is a manager's). */
export const ERASERS: readonly Role[] = ['admin', 'manager'];
/** T9 undone and T12's exceptions: which customers are in no broker's portfolio is decided above the broker (ADR 0038). */
export const PORTFOLIO_DECIDERS: readonly Role[] = ['admin', 'manager'];
/** A customer's raw history, past states and integrity (SPEC P4). */
export const AUDITORS: readonly Role[] = ['admin', 'auditor'];
/** The message templates of follow-up emails (CAL4): what the team writes to customers is a manager's call. */
export const TEMPLATE_EDITORS: readonly Role[] = ['admin', 'manager'];
/** Configuration (journeys, wallets, markers) and projection control. */
export const ADMINS: readonly Role[] = ['admin'];

const customer = { kind: 'customer', param: 'id' } as const;
const appointment = { kind: 'appointment', param: 'id' } as const;
const followUp = { kind: 'follow-up', param: 'id' } as const;
const none = { kind: 'none' } as const;
const list = { kind: 'list' } as const;

/**
 * The authorization matrix: every authenticated route, who may call it, and how the broker's
 * portfolio applies. The AccessGuard enforces exactly this (a route missing here is refused),
 * docs/security.md lists it, and test/security/authorization-matrix.e2e-spec.ts drives it.
 */
export const ACCESS_MATRIX: readonly RouteAccess[] = [
  // Customers (T)
  { method: 'POST', path: '/customers', roles: CUSTOMER_WORKERS, scope: { kind: 'new-customer' }, brokerIdInBody: 'defaults-to-broker' },
  { method: 'GET', path: '/customers/:id', roles: EVERYONE, scope: customer },
  { method: 'PATCH', path: '/customers/:id', roles: CUSTOMER_WORKERS, scope: customer, brokerIdInBody: 'broker-names-self' },
  { method: 'DELETE', path: '/customers/:id', roles: ERASERS, scope: customer },
  { method: 'POST', path: '/customers/:id/temperature', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/temperature/revert', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/objective', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/moment', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/product-of-interest', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/proposals', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/proposals/:proposalId/sale', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/disinterest', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/comments', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/rating', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/notes', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'GET', path: '/customers/:id/notes', roles: EVERYONE, scope: customer },
  // A company customer's contacts (CS13)
  { method: 'POST', path: '/customers/:id/contacts', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'GET', path: '/customers/:id/contacts', roles: EVERYONE, scope: customer },
  { method: 'PATCH', path: '/customers/:id/contacts/:contactId', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'DELETE', path: '/customers/:id/contacts/:contactId', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/lead-status', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'PUT', path: '/customers/:id/lead-status/schedule', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'DELETE', path: '/customers/:id/lead-status/schedule', roles: CUSTOMER_WORKERS, scope: customer },
  // Out of every portfolio (T9, T12, ADR 0038): a broker marks their own lead as non-customer and loses it
  { method: 'POST', path: '/customers/:id/non-customer', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'DELETE', path: '/customers/:id/non-customer', roles: PORTFOLIO_DECIDERS, scope: customer },
  { method: 'PUT', path: '/customers/:id/portfolio-exceptions/:exception', roles: PORTFOLIO_DECIDERS, scope: customer },
  { method: 'DELETE', path: '/customers/:id/portfolio-exceptions/:exception', roles: PORTFOLIO_DECIDERS, scope: customer },
  { method: 'GET', path: '/customers/:id/timeline', roles: EVERYONE, scope: customer },
  { method: 'GET', path: '/customers/:id/changes', roles: EVERYONE, scope: customer },
  // Customer journeys (CS4, CS5, CS12)
  { method: 'PUT', path: '/customers/:id/wallet', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/stage', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/milestones/:milestoneId/complete', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'POST', path: '/customers/:id/steps/:stepId/conclude', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'GET', path: '/customers/:id/journey', roles: EVERYONE, scope: customer },
  // A customer's marker (CS6)
  { method: 'PUT', path: '/customers/:id/marker', roles: CUSTOMER_WORKERS, scope: customer },
  { method: 'DELETE', path: '/customers/:id/marker', roles: CUSTOMER_WORKERS, scope: customer },
  // Configuration (CS2, CS3)
  { method: 'POST', path: '/journeys', roles: ADMINS, scope: none },
  { method: 'POST', path: '/wallets', roles: ADMINS, scope: none },
  { method: 'POST', path: '/wallets/:id/default', roles: ADMINS, scope: none },
  { method: 'GET', path: '/wallets', roles: EVERYONE, scope: none },
  { method: 'GET', path: '/wallets/:id/board', roles: EVERYONE, scope: list },
  // Markers (CS6): the catalogue is configuration
  { method: 'GET', path: '/markers', roles: EVERYONE, scope: none },
  { method: 'POST', path: '/markers', roles: ADMINS, scope: none },
  { method: 'PATCH', path: '/markers/:id', roles: ADMINS, scope: none },
  { method: 'DELETE', path: '/markers/:id', roles: ADMINS, scope: none },
  // Appointments (AS)
  { method: 'POST', path: '/appointments', roles: CUSTOMER_WORKERS, scope: { kind: 'customer-in-body', field: 'customerId' } },
  { method: 'POST', path: '/appointments/:id/confirm', roles: CUSTOMER_WORKERS, scope: appointment },
  { method: 'POST', path: '/appointments/:id/reschedule', roles: CUSTOMER_WORKERS, scope: appointment },
  { method: 'POST', path: '/appointments/:id/success', roles: CUSTOMER_WORKERS, scope: appointment },
  { method: 'POST', path: '/appointments/:id/lost', roles: CUSTOMER_WORKERS, scope: appointment },
  // Follow-up opportunities from the calendar (CAL5, CAL6)
  { method: 'POST', path: '/follow-ups', roles: CUSTOMER_WORKERS, scope: { kind: 'new-follow-up' } },
  { method: 'POST', path: '/follow-ups/:id/reschedule', roles: CUSTOMER_WORKERS, scope: followUp },
  { method: 'POST', path: '/follow-ups/:id/resolve-by-call', roles: CUSTOMER_WORKERS, scope: followUp },
  { method: 'POST', path: '/follow-ups/:id/send-email', roles: CUSTOMER_WORKERS, scope: followUp },
  // LGPD erasure of a follow-up's contact (ADR 0042): whoever may act on it, its owner broker included.
  { method: 'DELETE', path: '/follow-ups/:id', roles: CUSTOMER_WORKERS, scope: followUp },
  // Message templates for a follow-up's email (CAL4): written by managers, used by whoever sends
  { method: 'GET', path: '/message-templates/placeholders', roles: EVERYONE, scope: none },
  { method: 'GET', path: '/message-templates', roles: EVERYONE, scope: none },
  { method: 'POST', path: '/message-templates', roles: TEMPLATE_EDITORS, scope: none },
  { method: 'PATCH', path: '/message-templates/:id', roles: TEMPLATE_EDITORS, scope: none },
  { method: 'DELETE', path: '/message-templates/:id', roles: TEMPLATE_EDITORS, scope: none },
  // Calendar (CAL)
  { method: 'GET', path: '/calendar', roles: EVERYONE, scope: list },
  { method: 'GET', path: '/calendar/:date', roles: EVERYONE, scope: list },
  // Audit (P4)
  { method: 'GET', path: '/customers/:id/history', roles: AUDITORS, scope: customer },
  { method: 'GET', path: '/customers/:id/state', roles: AUDITORS, scope: customer },
  { method: 'GET', path: '/customers/:id/verify', roles: AUDITORS, scope: customer },
  { method: 'GET', path: '/audit/verify', roles: AUDITORS, scope: none },
  // Admin (P5)
  { method: 'GET', path: '/admin/projections', roles: ['admin', 'auditor'], scope: none },
  { method: 'POST', path: '/admin/projections/:name/rebuild', roles: ADMINS, scope: none },
  { method: 'POST', path: '/admin/projections/:name/restart', roles: ADMINS, scope: none },
];

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

const BY_KEY = new Map(ACCESS_MATRIX.map((rule) => [routeKey(rule.method, rule.path), rule]));

/** The rule of a registered route, or undefined when the matrix does not list it. */
export function accessRuleFor(method: string, path: string): RouteAccess | undefined {
  return BY_KEY.get(routeKey(method, path));
}
