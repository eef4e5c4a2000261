import { notFound } from '../shared/domain-error';
import type { CustomerState, ExistingCustomer } from './state';

/** Every command but registration needs the customer to exist: 404 otherwise. */
export function existingCustomer(state: CustomerState, customerId: string): ExistingCustomer {
  if (!state.exists) throw notFound('customer_not_found', `Customer ${customerId} does not exist`);
  return state;
}
