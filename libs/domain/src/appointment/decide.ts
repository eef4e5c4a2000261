import { conflict, invalid, notFound, rejected } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import {
  APPOINTMENT_NOTES_MAX,
  LOSS_REASON_MAX,
  OPEN_STATUSES,
  type AppointmentEvent,
  type AppointmentKind,
} from './events';
import { normalizeInstant } from './instant';
import { evolveAppointment, initialAppointmentState, type AppointmentState } from './state';

export type ScheduleAppointment = {
  type: 'ScheduleAppointment';
  appointmentId: string;
  customerId: string;
  scheduledFor: string;
  responsibleId: string;
  kind: AppointmentKind;
  notes?: string;
};
export type RescheduleAppointment = { type: 'RescheduleAppointment'; appointmentId: string; scheduledFor: string };
export type ConfirmAppointment = { type: 'ConfirmAppointment'; appointmentId: string };
export type MarkAppointmentSuccess = { type: 'MarkAppointmentSuccess'; appointmentId: string };
export type MarkAppointmentLost = { type: 'MarkAppointmentLost'; appointmentId: string; reason: string; loseFutureCycle: boolean };
/**
 * Loses one of the customer's other appointments because `cycleOf` was lost with its future
 * cycle. Only an open appointment scheduled later than `after` is lost; any other is left as is.
 */
export type LoseAppointmentInCycle = { type: 'LoseAppointmentInCycle'; appointmentId: string; cycleOf: string; after: string; reason: string };

export type AppointmentCommand =
  | ScheduleAppointment
  | RescheduleAppointment
  | ConfirmAppointment
  | MarkAppointmentSuccess
  | MarkAppointmentLost
  | LoseAppointmentInCycle;

type Existing = Extract<AppointmentState, { exists: true }>;

function decideSchedule(command: ScheduleAppointment, state: AppointmentState, now: Date): AppointmentEvent[] {
  if (state.exists) throw conflict('appointment_exists', `Appointment ${command.appointmentId} is already scheduled`);
  const scheduledFor = futureInstant(command.scheduledFor, now);
  if (command.notes !== undefined && command.notes.length > APPOINTMENT_NOTES_MAX) {
    throw invalid('notes', `notes must be at most ${APPOINTMENT_NOTES_MAX} characters`);
  }
  const { appointmentId, customerId, responsibleId, kind, notes } = command;
  const data = { appointmentId, customerId, scheduledFor, responsibleId, kind, ...(notes !== undefined ? { notes } : {}) };
  return [{ type: 'AppointmentScheduled', data }];
}

function decideReschedule(command: RescheduleAppointment, state: AppointmentState, now: Date): AppointmentEvent[] {
  const appointment = openAppointment(state, command.appointmentId, 'reschedule');
  const scheduledFor = futureInstant(command.scheduledFor, now);
  if (scheduledFor === appointment.scheduledFor) return [];
  return [{ type: 'AppointmentRescheduled', data: { ...ref(appointment), from: appointment.scheduledFor, scheduledFor } }];
}

function decideConfirm(command: ConfirmAppointment, state: AppointmentState): AppointmentEvent[] {
  const appointment = openAppointment(state, command.appointmentId, 'confirm');
  if (appointment.status === 'confirmed') throw rejected('appointment_already_confirmed', `Appointment ${command.appointmentId} is already confirmed`);
  return [{ type: 'AppointmentConfirmed', data: ref(appointment) }];
}

function decideSuccess(command: MarkAppointmentSuccess, state: AppointmentState): AppointmentEvent[] {
  const appointment = openAppointment(state, command.appointmentId, 'mark as success');
  return [{ type: 'AppointmentSucceeded', data: ref(appointment) }];
}

function decideLost(command: MarkAppointmentLost, state: AppointmentState): AppointmentEvent[] {
  const appointment = openAppointment(state, command.appointmentId, 'mark as lost');
  const reason = lossReason(command.reason);
  return [{ type: 'AppointmentLost', data: { ...ref(appointment), reason, ...(command.loseFutureCycle ? { loseFutureCycle: true as const } : {}) } }];
}

function decideLoseInCycle(command: LoseAppointmentInCycle, state: AppointmentState): AppointmentEvent[] {
  // The customer's index may list an appointment whose own stream was never written.
  if (!state.exists || command.appointmentId === command.cycleOf) return [];
  if (!OPEN_STATUSES.includes(state.status)) return [];
  if (Date.parse(state.scheduledFor) <= Date.parse(command.after)) return [];
  return [{ type: 'AppointmentLost', data: { ...ref(state), reason: lossReason(command.reason), cycleOf: command.cycleOf } }];
}

export const appointmentDecider: Decider<AppointmentCommand, AppointmentState, AppointmentEvent> = {
  initialState: initialAppointmentState,
  evolve: evolveAppointment,
  decide(command, state, now) {
    switch (command.type) {
      case 'ScheduleAppointment':
        return decideSchedule(command, state, now);
      case 'RescheduleAppointment':
        return decideReschedule(command, state, now);
      case 'ConfirmAppointment':
        return decideConfirm(command, state);
      case 'MarkAppointmentSuccess':
        return decideSuccess(command, state);
      case 'MarkAppointmentLost':
        return decideLost(command, state);
      case 'LoseAppointmentInCycle':
        return decideLoseInCycle(command, state);
    }
  },
};

/** The appointment, if it exists and is still open (scheduled or confirmed). */
function openAppointment(state: AppointmentState, appointmentId: string, action: string): Existing {
  if (!state.exists) throw notFound('appointment_not_found', `Appointment ${appointmentId} does not exist`);
  if (!OPEN_STATUSES.includes(state.status)) {
    throw rejected('appointment_closed', `Cannot ${action} appointment ${appointmentId}: it is already ${state.status}`);
  }
  return state;
}

/** A valid instant later than now, normalized to UTC. */
function futureInstant(value: string, now: Date): string {
  const instant = normalizeInstant(value);
  if (!instant) throw invalid('scheduledFor', 'scheduledFor must be an ISO 8601 date and time with an offset, e.g. 2026-03-10T14:30:00Z');
  if (Date.parse(instant) <= now.getTime()) throw rejected('scheduled_in_past', `scheduledFor ${instant} is not in the future`, 'scheduledFor');
  return instant;
}

function lossReason(value: string): string {
  const reason = value.trim();
  if (reason.length === 0) throw invalid('reason', 'reason is required');
  if (reason.length > LOSS_REASON_MAX) throw invalid('reason', `reason must be at most ${LOSS_REASON_MAX} characters`);
  return reason;
}

function ref(state: Existing) {
  return { appointmentId: state.appointmentId, customerId: state.customerId };
}
