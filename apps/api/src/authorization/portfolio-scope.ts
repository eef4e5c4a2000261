import type { Actor } from '../platform';

/**
 * Whose customers a list may show: everyone's, or one broker's portfolio. Every query that lists
 * customers (or their actions) takes one, so that forgetting it does not compile.
 */
export type PortfolioScope = { kind: 'all' } | { kind: 'broker'; brokerId: string };

export const ALL_CUSTOMERS: PortfolioScope = { kind: 'all' };

/** A broker sees their portfolio; every other role that may read a list sees every customer. */
export function portfolioScopeOf(actor: Actor): PortfolioScope {
  return actor.role === 'broker' ? { kind: 'broker', brokerId: actor.id } : ALL_CUSTOMERS;
}
