import { rejected } from '../shared/domain-error';
import type { ClearCustomerMarker, SetCustomerMarker } from './commands';
import type { CustomerEvent } from './events';
import { existingCustomer } from './existing-customer';
import type { CustomerState } from './state';

/** CS6: one marker per customer. The marker it already has appends nothing. */
export function decideSetCustomerMarker(command: SetCustomerMarker, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  if (!command.marker || command.marker.markerId !== command.markerId) {
    throw rejected('marker_not_found', `markerId ${command.markerId} names no marker (it does not exist or was deleted)`, 'markerId');
  }
  if (customer.markerId === command.markerId) return [];
  return [{ type: 'CustomerMarkerSet', data: { customerId: command.customerId, markerId: command.markerId } }];
}

/** Clearing a customer without a marker appends nothing. */
export function decideClearCustomerMarker(command: ClearCustomerMarker, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  if (customer.markerId === undefined) return [];
  return [{ type: 'CustomerMarkerCleared', data: { customerId: command.customerId, markerId: customer.markerId } }];
}
