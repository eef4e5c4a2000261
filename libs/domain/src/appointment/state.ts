import type { AppointmentEvent, AppointmentKind, AppointmentStatus } from './events';

export type AppointmentState =
  | { exists: false }
  | {
      exists: true;
      appointmentId: string;
      customerId: string;
      responsibleId: string;
      kind: AppointmentKind;
      scheduledFor: string;
      status: AppointmentStatus;
    };

export const initialAppointmentState: AppointmentState = { exists: false };

export function evolveAppointment(state: AppointmentState, event: AppointmentEvent): AppointmentState {
  if (event.type === 'AppointmentScheduled') {
    const { appointmentId, customerId, responsibleId, kind, scheduledFor } = event.data;
    return { exists: true, appointmentId, customerId, responsibleId, kind, scheduledFor, status: 'scheduled' };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'AppointmentRescheduled':
      return { ...state, scheduledFor: event.data.scheduledFor, status: 'scheduled' };
    case 'AppointmentConfirmed':
      return { ...state, status: 'confirmed' };
    case 'AppointmentSucceeded':
      return { ...state, status: 'success' };
    case 'AppointmentLost':
      return { ...state, status: 'lost' };
    default:
      return state;
  }
}
