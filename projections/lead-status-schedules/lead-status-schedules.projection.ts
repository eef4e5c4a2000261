import { CUSTOMER_STREAM_PREFIX, type CustomerEvent, type LeadStatus } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedReplace, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';

export const LEAD_STATUS_SCHEDULES = 'lead-status-schedules';
export const PENDING_SCHEDULES = 'pending_lead_status_changes';

/**
 * T14: one customer's pending lead status change, which the LeadStatusScheduler carries out once
 * due. `causationId` and `correlationId` come from the event that scheduled it, so that the
 * change, when applied, is traced back to it.
 */
export type PendingScheduleDocument = {
  /** The customer: one pending change each. */
  _id: string;
  scheduleId: string;
  to: LeadStatus;
  /** UTC `YYYY-MM-DDTHH:mm:ss.sssZ`: instants compare as text. */
  at: string;
  causationId: string;
  correlationId: string;
  _pos?: string;
};

type ScheduleEvent = Extract<CustomerEvent, { type: 'LeadStatusChangeScheduled' | 'LeadStatusChangeCancelled' | 'LeadStatusChanged' | 'CustomerDeleted' }>;

/** Removes the customer's pending change if it is still `scheduleId` (a replacement already took its place otherwise). */
const removeSchedule = (customerId: string, scheduleId: string): CollectionWrite => ({
  collection: PENDING_SCHEDULES,
  write: { op: 'deleteOne', filter: { _id: customerId, scheduleId } },
});

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as ScheduleEvent;
  switch (e.type) {
    case 'LeadStatusChangeScheduled': {
      const { customerId, scheduleId, to, at } = e.data;
      const doc: PendingScheduleDocument = { _id: customerId, scheduleId, to, at, causationId: event.id, correlationId: event.metadata.correlationId ?? event.id };
      // Replaces the customer's earlier pending change, if any: one per customer.
      return [guardedReplace(PENDING_SCHEDULES, doc, event)];
    }
    case 'LeadStatusChangeCancelled':
      return [removeSchedule(e.data.customerId, e.data.scheduleId)];
    case 'LeadStatusChanged':
      return e.data.scheduleId === undefined ? [] : [removeSchedule(e.data.customerId, e.data.scheduleId)];
    case 'CustomerDeleted':
      return [{ collection: PENDING_SCHEDULES, write: { op: 'deleteOne', filter: { _id: e.data.customerId } } }];
    default:
      return [];
  }
}

/**
 * T14: the lead status changes scheduled and still pending, one per customer, for the scheduler
 * to find the due ones (oldest first) without reading every customer's stream.
 */
export const leadStatusSchedulesProjection: ProjectionDefinition = {
  name: LEAD_STATUS_SCHEDULES,
  version: 1,
  filter: { streamPrefixes: [CUSTOMER_STREAM_PREFIX], eventTypes: ['LeadStatusChangeScheduled', 'LeadStatusChangeCancelled', 'LeadStatusChanged', 'CustomerDeleted'] },
  collections: [{ name: PENDING_SCHEDULES, indexes: [{ fields: { at: 1, _id: 1 } }], scalarFields: ['at'] }],
  handle,
};
