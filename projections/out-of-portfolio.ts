import { OUT_OF_PORTFOLIO_REASONS, type CustomerEvent, type OutOfPortfolioReason } from '@trilha/domain';
import type { Filter, Update } from '@trilha/read-store';

/**
 * T9, T12 (ADR 0038): why a customer is in no broker's portfolio, as the read models that lists
 * filter on keep it: the field `outOfPortfolio` of a customer-detail document and of a board card,
 * the reasons that hold (`non_customer`, `expired`, `active_offer`, `deny_list`). Absent or empty
 * while the customer is in their broker's portfolio.
 */
export type OutOfPortfolio = { outOfPortfolio?: OutOfPortfolioReason[] };

/** Matches the customers that are in a portfolio: no reason listed (absent, empty, or none known). */
export const IN_A_PORTFOLIO: Filter = { outOfPortfolio: { $nin: [...OUT_OF_PORTFOLIO_REASONS] } };

/**
 * The change an event makes to `outOfPortfolio`, or undefined. A plain push and pull: the decider
 * sets a reason only when it does not hold and clears it only when it does, and a guarded write
 * applies once per event. Marking an already marked non-customer again (`fromKind`) adds nothing.
 */
export function outOfPortfolioUpdate(event: { type: string; data: unknown }): Update | undefined {
  const e = event as CustomerEvent;
  switch (e.type) {
    case 'MarkedAsNonCustomer':
      return e.data.fromKind === undefined ? { $push: { outOfPortfolio: 'non_customer' } } : undefined;
    case 'UnmarkedAsNonCustomer':
      return { $pull: { outOfPortfolio: 'non_customer' } };
    case 'PortfolioExceptionSet':
      return { $push: { outOfPortfolio: e.data.exception } };
    case 'PortfolioExceptionCleared':
      return { $pull: { outOfPortfolio: e.data.exception } };
    default:
      return undefined;
  }
}
