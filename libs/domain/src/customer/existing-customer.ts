import { conflict, notFound } from '../shared/domain-error';
import type { CustomerState, ExistingCustomer } from './state';

/**
 * Every command but registration needs the customer to exist (404 otherwise) and not to be
 * deleted (409: the customer is known, but nothing may be appended for them any more).
 */
export function existingCustomer(state: CustomerState, customerId: string): ExistingCustomer {
  if (!state.exists) throw notFound('customer_not_found', `Customer ${customerId} does not exist`);
  if (state.deleted) throw customerDeleted(customerId);
  return state;
}

export function customerDeleted(customerId: string) {
  return conflict('customer_deleted', `Customer ${customerId} was deleted; their data is erased and they accept no more changes`);
}

/** For other aggregates' commands about a customer (appointments, wallets): 404 unknown, 409 deleted. */
export function requireLiveCustomer(state: CustomerState, customerId: string): void {
  existingCustomer(state, customerId);
}
