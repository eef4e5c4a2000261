import { normalizeInstant } from '../appointment/instant';
import { conflict, invalid, rejected } from '../shared/domain-error';
import type { ApplyScheduledLeadStatusChange, CancelScheduledLeadStatusChange, ChangeLeadStatus, ScheduleLeadStatusChange } from './commands';
import { LEAD_STATUSES, type CustomerEvent, type LeadStatus } from './events';
import { existingCustomer } from './existing-customer';
import type { CustomerState } from './state';

// T14: the lead status by hand, and one change of it scheduled for a later instant.

export function decideChangeLeadStatus(command: ChangeLeadStatus, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const to = leadStatus(command.status);
  if (customer.leadStatus === to) return [];
  return [{ type: 'LeadStatusChanged', data: { customerId: command.customerId, from: customer.leadStatus, to } }];
}

/** One pending change per customer: a new one replaces it; the same status and instant again appends nothing. */
export function decideScheduleLeadStatusChange(command: ScheduleLeadStatusChange, state: CustomerState, now: Date): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const to = leadStatus(command.status);
  const at = normalizeInstant(command.at);
  if (!at) throw invalid('at', 'at must be an ISO 8601 date and time with an offset, e.g. 2026-03-12T14:00:00-03:00');
  if (Date.parse(at) <= now.getTime()) throw rejected('schedule_in_past', `at ${at} is not in the future`, 'at');
  const pending = customer.pendingLeadStatusChange;
  if (pending && pending.to === to && pending.at === at) return [];
  return [{ type: 'LeadStatusChangeScheduled', data: { customerId: command.customerId, scheduleId: command.scheduleId, to, at } }];
}

/** Like reverting a temperature with nothing to revert to, cancelling with nothing scheduled is a conflict (409). */
export function decideCancelScheduledLeadStatusChange(command: CancelScheduledLeadStatusChange, state: CustomerState): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const pending = customer.pendingLeadStatusChange;
  if (!pending) throw conflict('nothing_scheduled', `Customer ${command.customerId} has no scheduled lead status change`);
  return [{ type: 'LeadStatusChangeCancelled', data: { customerId: command.customerId, scheduleId: pending.scheduleId } }];
}

/**
 * The scheduler's command. Only the pending change, once due, is carried out; a stale or unknown
 * scheduleId, or a change not yet due, appends nothing, so a second run (or a second process)
 * finds nothing to do. A customer who already has the status gets the change cancelled instead.
 */
export function decideApplyScheduledLeadStatusChange(command: ApplyScheduledLeadStatusChange, state: CustomerState, now: Date): CustomerEvent[] {
  const customer = existingCustomer(state, command.customerId);
  const pending = customer.pendingLeadStatusChange;
  if (!pending || pending.scheduleId !== command.scheduleId || Date.parse(pending.at) > now.getTime()) return [];
  const { customerId } = command;
  const { scheduleId, to } = pending;
  if (customer.leadStatus === to) return [{ type: 'LeadStatusChangeCancelled', data: { customerId, scheduleId, reason: 'already_in_status' } }];
  return [{ type: 'LeadStatusChanged', data: { customerId, from: customer.leadStatus, to, scheduleId } }];
}

function leadStatus(value: string): LeadStatus {
  if (!(LEAD_STATUSES as readonly string[]).includes(value)) throw invalid('status', `status must be one of ${LEAD_STATUSES.join(', ')}`);
  return value as LeadStatus;
}
