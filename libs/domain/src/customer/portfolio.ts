import { PORTFOLIO_EXCEPTIONS, type PortfolioException } from './events';
import type { CustomerState } from './state';

/** Why a customer is in no broker's portfolio (T12): one of its exceptions, or T9's non-customer. */
export type OutOfPortfolioReason = PortfolioException | 'non_customer';
export const OUT_OF_PORTFOLIO_REASONS: readonly OutOfPortfolioReason[] = [...PORTFOLIO_EXCEPTIONS, 'non_customer'];

/**
 * T9, T12: a customer marked as non-customer, or with a portfolio exception, is in no broker's
 * portfolio, whoever their responsible broker is and whoever manages their wallet (ADR 0038).
 */
export function isOutOfPortfolios(state: CustomerState): boolean {
  return state.exists && (state.nonCustomer !== undefined || (state.portfolioExceptions?.length ?? 0) > 0);
}
