import type { DomainEvent } from '../shared/decider';

/** What the appointment is for; the calendar groups a day's actions by it (CAL3). */
export const APPOINTMENT_KINDS = ['service', 'visit', 'follow_up', 'task', 'reminder'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
/** Seed 003: the agent books the customer's visit to the dealership for a service. */
export const DEFAULT_APPOINTMENT_KIND: AppointmentKind = 'service';

/** Seed 003 statuses of a scheduled contact; `pending` belongs to service events, not here. */
export const APPOINTMENT_STATUSES = ['scheduled', 'confirmed', 'success', 'lost'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** Still to happen: it can be confirmed (when scheduled), rescheduled, won or lost. */
export const OPEN_STATUSES: readonly AppointmentStatus[] = ['scheduled', 'confirmed'];

export const LOSS_REASON_MAX = 256;
export const APPOINTMENT_NOTES_MAX = 4000;

/** Every appointment event names its customer, so customer-centred read models can follow it. */
type AppointmentRef = {
  appointmentId: string;
  customerId: string;
};

export type AppointmentScheduled = DomainEvent<
  'AppointmentScheduled',
  AppointmentRef & { scheduledFor: string; responsibleId: string; kind: AppointmentKind; notes?: string }
>;

/** `from` is the instant it was scheduled for until now; a rescheduled appointment awaits confirmation again. */
export type AppointmentRescheduled = DomainEvent<'AppointmentRescheduled', AppointmentRef & { from: string; scheduledFor: string }>;

export type AppointmentConfirmed = DomainEvent<'AppointmentConfirmed', AppointmentRef>;

export type AppointmentSucceeded = DomainEvent<'AppointmentSucceeded', AppointmentRef>;

/**
 * `loseFutureCycle` is set on the appointment the user lost when they asked to lose the
 * customer's later appointments too; each of those is then lost with `cycleOf` naming it.
 */
export type AppointmentLost = DomainEvent<
  'AppointmentLost',
  AppointmentRef & { reason: string; loseFutureCycle?: true; cycleOf?: string }
>;

export type AppointmentEvent = AppointmentScheduled | AppointmentRescheduled | AppointmentConfirmed | AppointmentSucceeded | AppointmentLost;

export const APPOINTMENT_STREAM_PREFIX = 'appointment-';
export const appointmentStreamId = (appointmentId: string) => `${APPOINTMENT_STREAM_PREFIX}${appointmentId}`;
