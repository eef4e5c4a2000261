import {
  APPOINTMENT_STREAM_PREFIX,
  CUSTOMER_STREAM_PREFIX,
  FOLLOW_UP_STREAM_PREFIX,
  type AppointmentEvent,
  type AppointmentStatus,
} from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedReplace, guardedUpdate, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { eraseWhereSet } from '../erasure';
import { CALENDAR, CALENDAR_ACTIONS_COLLECTION, type AppointmentActionDocument } from './calendar-action';
import { FOLLOW_UP_EVENT_TYPES, followUpWrites } from './follow-up-actions';

function handle(event: RecordedEvent): CollectionWrite[] {
  // T10: an appointment's notes are free text about the customer.
  if (event.type === 'CustomerDeleted') return [eraseWhereSet(CALENDAR_ACTIONS_COLLECTION, { customerId: event.data.customerId }, 'notes')];
  if (event.streamId.startsWith(FOLLOW_UP_STREAM_PREFIX)) return followUpWrites(event);
  const e = { type: event.type, data: event.data } as AppointmentEvent;
  const setStatus = (status: AppointmentStatus) =>
    guardedUpdate(CALENDAR_ACTIONS_COLLECTION, e.data.appointmentId, event, { $set: { status } }, { upsert: false });
  switch (e.type) {
    case 'AppointmentScheduled': {
      const { appointmentId, customerId, responsibleId, kind, scheduledFor, notes } = e.data;
      const doc: AppointmentActionDocument = {
        _id: appointmentId,
        id: appointmentId,
        kind,
        customerId,
        ownerId: responsibleId,
        scheduledFor,
        status: 'scheduled',
        ...(notes !== undefined ? { notes } : {}),
      };
      return [guardedReplace(CALENDAR_ACTIONS_COLLECTION, doc, event)];
    }
    case 'AppointmentRescheduled':
      // It moves to its new day and awaits confirmation again: not done.
      return [
        guardedUpdate(CALENDAR_ACTIONS_COLLECTION, e.data.appointmentId, event, { $set: { scheduledFor: e.data.scheduledFor, status: 'scheduled' } }, { upsert: false }),
      ];
    case 'AppointmentConfirmed':
      return [setStatus('confirmed')];
    case 'AppointmentSucceeded':
      return [setStatus('success')];
    case 'AppointmentLost':
      return [setStatus('lost')];
    default:
      return [];
  }
}

/**
 * The event types `handle` writes for (keep in step with its switch): the subscription's filter,
 * so the customers' other events are never decoded or decrypted for the calendar.
 */
export const CALENDAR_EVENT_TYPES: ReadonlyArray<string> = [
  'CustomerDeleted',
  'AppointmentScheduled',
  'AppointmentRescheduled',
  'AppointmentConfirmed',
  'AppointmentSucceeded',
  'AppointmentLost',
  ...FOLLOW_UP_EVENT_TYPES,
] satisfies ReadonlyArray<AppointmentEvent['type'] | 'CustomerDeleted' | (typeof FOLLOW_UP_EVENT_TYPES)[number]>;

/**
 * The calendar read model (CAL2, CAL3, CAL5): every appointment, and every follow-up opportunity,
 * as an action on its day. Version 2 adds the follow-ups (ADR 0037): a deploy rebuilds it, so
 * follow-up events that a projector of the previous release skipped are not missed. Version 3
 * removes a deleted follow-up (ADR 0042), for the same reason (ADR 0036).
 */
export const calendarProjection: ProjectionDefinition = {
  name: CALENDAR,
  version: 3,
  collections: [
    {
      name: CALENDAR_ACTIONS_COLLECTION,
      indexes: [{ fields: { scheduledFor: 1 } }, { fields: { ownerId: 1, scheduledFor: 1 } }, { fields: { on: 1 } }, { fields: { ownerId: 1, on: 1 } }],
      scalarFields: ['scheduledFor', 'ownerId', 'customerId', 'on'],
    },
  ],
  // Customer streams only for CustomerDeleted.
  filter: { streamPrefixes: [APPOINTMENT_STREAM_PREFIX, CUSTOMER_STREAM_PREFIX, FOLLOW_UP_STREAM_PREFIX], eventTypes: [...CALENDAR_EVENT_TYPES] },
  handle,
};
