import type { CustomerEvent, LeadStatus } from './events';
import type { ExistingCustomer } from './state';

/** The LeadStatusChanged (T14) that follows another event, when the lead is in one of `from`. */
export function leadStatusMove(customer: ExistingCustomer, to: LeadStatus, from: LeadStatus[]): CustomerEvent[] {
  if (!from.includes(customer.leadStatus)) return [];
  return [{ type: 'LeadStatusChanged', data: { customerId: customer.customerId, from: customer.leadStatus, to } }];
}
