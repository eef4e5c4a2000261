import { invalid } from '../shared/domain-error';
import type { ClearPortfolioException, MarkAsNonCustomer, SetPortfolioException, UnmarkAsNonCustomer } from './commands';
import { NON_CUSTOMER_KINDS, PORTFOLIO_EXCEPTIONS, type CustomerEvent, type PortfolioException } from './events';
import { existingCustomer } from './existing-customer';
import { NON_CUSTOMER_NOTE_MAX } from './limits';
import type { CustomerState } from './state';

/**
 * T9: the registration is not a customer (seed 000: "Fornecedor, Teste, colaborador, etc."). The
 * note is optional, stored trimmed; a blank one is no note. The kind and note it already has
 * append nothing; another kind or note replaces them, naming the kind it had (`fromKind`).
 */
export function decideMarkAsNonCustomer(command: MarkAsNonCustomer, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const { kind } = command;
  if (!(NON_CUSTOMER_KINDS as readonly string[]).includes(kind)) throw invalid('kind', `kind must be one of ${NON_CUSTOMER_KINDS.join(', ')}`);
  const trimmed = command.note?.trim();
  if (trimmed !== undefined && trimmed.length > NON_CUSTOMER_NOTE_MAX) throw invalid('note', `note must be at most ${NON_CUSTOMER_NOTE_MAX} characters`);
  const note = trimmed === '' ? undefined : trimmed;
  const current = customer.nonCustomer;
  if (current && current.kind === kind && current.note === note) return [];
  return [
    {
      type: 'MarkedAsNonCustomer',
      data: { customerId: command.customerId, kind, ...(note !== undefined ? { note } : {}), ...(current ? { fromKind: current.kind } : {}) },
    },
  ];
}

/** T9, undone: a customer again. A customer who is not marked appends nothing. */
export function decideUnmarkAsNonCustomer(command: UnmarkAsNonCustomer, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  if (!customer.nonCustomer) return [];
  return [{ type: 'UnmarkedAsNonCustomer', data: { customerId: command.customerId, kind: customer.nonCustomer.kind } }];
}

/** T12: an exception that already holds appends nothing. */
export function decideSetPortfolioException(command: SetPortfolioException, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const exception = knownException(command.exception);
  if (customer.portfolioExceptions?.includes(exception)) return [];
  return [{ type: 'PortfolioExceptionSet', data: { customerId: command.customerId, exception } }];
}

/** T12: clearing an exception that does not hold appends nothing. */
export function decideClearPortfolioException(command: ClearPortfolioException, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const exception = knownException(command.exception);
  if (!customer.portfolioExceptions?.includes(exception)) return [];
  return [{ type: 'PortfolioExceptionCleared', data: { customerId: command.customerId, exception } }];
}

function knownException(exception: string): PortfolioException {
  if (!(PORTFOLIO_EXCEPTIONS as readonly string[]).includes(exception)) throw invalid('exception', `exception must be one of ${PORTFOLIO_EXCEPTIONS.join(', ')}`);
  return exception as PortfolioException;
}
