import { customerDecider, fold, type CustomerEvent, type LeadStatus } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const NOW = new Date('2026-01-15T12:00:00Z');
const spec = deciderSpec(customerDecider, NOW);
const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const first = '11111111-1111-4111-8111-111111111111';
const second = '22222222-2222-4222-8222-222222222222';
const LATER = '2026-01-20T17:00:00.000Z';

const registered: CustomerEvent = { type: 'CustomerRegistered', data: { customerId, name: 'Ana Souza', phones: [] } };
const deleted: CustomerEvent = { type: 'CustomerDeleted', data: { customerId } };
const changed = (from: LeadStatus, to: LeadStatus, scheduleId?: string): CustomerEvent => ({
  type: 'LeadStatusChanged',
  data: scheduleId ? { customerId, from, to, scheduleId } : { customerId, from, to },
});
const scheduled = (scheduleId: string, to: LeadStatus, at = LATER): CustomerEvent => ({ type: 'LeadStatusChangeScheduled', data: { customerId, scheduleId, to, at } });
const cancelled = (scheduleId: string): CustomerEvent => ({ type: 'LeadStatusChangeCancelled', data: { customerId, scheduleId } });

/** The same decider with the clock at `at`: the scheduler's runs once a change fell due. */
const at = (instant: string) => deciderSpec(customerDecider, new Date(instant));

describe('lead status by hand (T14)', () => {
  it('moves the lead status, from the current one', () => {
    spec.given([registered]).when({ type: 'ChangeLeadStatus', customerId, status: 'in_progress' }).then([changed('new', 'in_progress')]);
    spec.given([registered, changed('new', 'in_progress')]).when({ type: 'ChangeLeadStatus', customerId, status: 'no_sale' }).then([changed('in_progress', 'no_sale')]);
  });

  it('appends nothing for the status the lead already has', () => {
    spec.given([registered]).when({ type: 'ChangeLeadStatus', customerId, status: 'new' }).then([]);
  });

  it('refuses a status that is not one of the four (400 naming status)', () => {
    spec.given([registered]).when({ type: 'ChangeLeadStatus', customerId, status: 'won' as LeadStatus }).thenThrows({ kind: 'invalid', field: 'status' });
  });

  it('answers 404 for an unknown customer and 409 for a deleted one', () => {
    spec.given([]).when({ type: 'ChangeLeadStatus', customerId, status: 'sale' }).thenThrows({ kind: 'not_found' });
    spec.given([registered, deleted]).when({ type: 'ChangeLeadStatus', customerId, status: 'sale' }).thenThrows({ kind: 'conflict', code: 'customer_deleted' });
  });
});

describe('scheduling a lead status change (T14)', () => {
  it('schedules a change for a later instant, stored in UTC', () => {
    spec
      .given([registered])
      .when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: first, status: 'sale', at: '2026-01-20T14:00:00-03:00' })
      .then([scheduled(first, 'sale', LATER)]);
  });

  it('replaces the pending change: one per customer', () => {
    spec
      .given([registered, scheduled(first, 'sale')])
      .when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: second, status: 'no_sale', at: LATER })
      .then([scheduled(second, 'no_sale')]);
    const state = fold(customerDecider, [registered, scheduled(first, 'sale'), scheduled(second, 'no_sale')]);
    expect(state.exists && state.pendingLeadStatusChange).toEqual({ scheduleId: second, to: 'no_sale', at: LATER });
  });

  it('appends nothing when the same status and instant are pending already', () => {
    spec.given([registered, scheduled(first, 'sale')]).when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: second, status: 'sale', at: '2026-01-20T17:00:00Z' }).then([]);
  });

  it('refuses an instant that is not after now (422), now itself included', () => {
    for (const instant of ['2026-01-15T11:59:59Z', NOW.toISOString()]) {
      spec
        .given([registered])
        .when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: first, status: 'sale', at: instant })
        .thenThrows({ kind: 'rejected', code: 'schedule_in_past' });
    }
  });

  it('refuses a text that is not an instant, and a status that is not one of the four (400 naming the field)', () => {
    spec.given([registered]).when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: first, status: 'sale', at: '2026-01-20' }).thenThrows({ kind: 'invalid', field: 'at' });
    spec.given([registered]).when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: first, status: 'won' as LeadStatus, at: LATER }).thenThrows({ kind: 'invalid', field: 'status' });
  });

  it('answers 404 for an unknown customer and 409 for a deleted one', () => {
    spec.given([]).when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: first, status: 'sale', at: LATER }).thenThrows({ kind: 'not_found' });
    spec.given([registered, deleted]).when({ type: 'ScheduleLeadStatusChange', customerId, scheduleId: first, status: 'sale', at: LATER }).thenThrows({ kind: 'conflict', code: 'customer_deleted' });
  });
});

describe('cancelling the scheduled lead status change (T14)', () => {
  it('cancels the pending change, naming it', () => {
    spec.given([registered, scheduled(first, 'sale')]).when({ type: 'CancelScheduledLeadStatusChange', customerId }).then([cancelled(first)]);
  });

  it('is a conflict (409) when nothing is pending: never scheduled, cancelled, or applied', () => {
    const nothing = { kind: 'conflict', code: 'nothing_scheduled' };
    spec.given([registered]).when({ type: 'CancelScheduledLeadStatusChange', customerId }).thenThrows(nothing);
    spec.given([registered, scheduled(first, 'sale'), cancelled(first)]).when({ type: 'CancelScheduledLeadStatusChange', customerId }).thenThrows(nothing);
    spec.given([registered, scheduled(first, 'sale'), changed('new', 'sale', first)]).when({ type: 'CancelScheduledLeadStatusChange', customerId }).thenThrows(nothing);
  });

  it('answers 404 for an unknown customer and 409 for a deleted one', () => {
    spec.given([]).when({ type: 'CancelScheduledLeadStatusChange', customerId }).thenThrows({ kind: 'not_found' });
    spec.given([registered, scheduled(first, 'sale'), deleted]).when({ type: 'CancelScheduledLeadStatusChange', customerId }).thenThrows({ kind: 'conflict', code: 'customer_deleted' });
  });
});

describe('applying the scheduled lead status change (T14, the scheduler)', () => {
  const due = at(LATER);

  it('moves the lead status once due, naming the schedule, and nothing is pending afterwards', () => {
    due.given([registered, scheduled(first, 'sale')]).when({ type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId: first }).then([changed('new', 'sale', first)]);
    const state = fold(customerDecider, [registered, scheduled(first, 'sale'), changed('new', 'sale', first)]);
    expect(state.exists && state.leadStatus).toBe('sale');
    expect(state.exists && state.pendingLeadStatusChange).toBeUndefined();
  });

  it('appends nothing before the change is due', () => {
    at('2026-01-20T16:59:59.999Z').given([registered, scheduled(first, 'sale')]).when({ type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId: first }).then([]);
  });

  it('appends nothing for a stale or unknown schedule: a second run does nothing', () => {
    due.given([registered, scheduled(first, 'sale'), scheduled(second, 'no_sale')]).when({ type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId: first }).then([]);
    due.given([registered, scheduled(first, 'sale'), cancelled(first)]).when({ type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId: first }).then([]);
    due.given([registered, scheduled(first, 'sale'), changed('new', 'sale', first)]).when({ type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId: first }).then([]);
  });

  it('cancels the change, with its reason, when the customer already has that status', () => {
    due
      .given([registered, scheduled(first, 'in_progress'), changed('new', 'in_progress')])
      .when({ type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId: first })
      .then([{ type: 'LeadStatusChangeCancelled', data: { customerId, scheduleId: first, reason: 'already_in_status' } }]);
  });

  it('a change by hand keeps the scheduled one pending', () => {
    const state = fold(customerDecider, [registered, scheduled(first, 'sale'), changed('new', 'in_progress')]);
    expect(state.exists && state.pendingLeadStatusChange?.scheduleId).toBe(first);
  });

  it('is refused for a deleted customer (409), whose pending change is dropped', () => {
    due.given([registered, scheduled(first, 'sale'), deleted]).when({ type: 'ApplyScheduledLeadStatusChange', customerId, scheduleId: first }).thenThrows({ kind: 'conflict', code: 'customer_deleted' });
    const state = fold(customerDecider, [registered, scheduled(first, 'sale'), deleted]);
    expect(state.exists && state.pendingLeadStatusChange).toBeUndefined();
  });
});
