import type { AppointmentKind, AppointmentStatus } from '@trilha/domain';

export const CALENDAR = 'calendar';
export const CALENDAR_ACTIONS_COLLECTION = 'actions';

/**
 * One action on the calendar: an appointment, on the instant it is scheduled for. The day it
 * falls on is worked out when queried, in the configured time zone, so the read model does not
 * depend on it.
 */
export type CalendarActionDocument = {
  _id: string;
  id: string;
  kind: AppointmentKind;
  customerId: string;
  /** The responsible user: whose calendar the action is on. */
  ownerId: string;
  /** UTC `YYYY-MM-DDTHH:mm:ss.sssZ`, so it sorts and compares as text. */
  scheduledFor: string;
  status: AppointmentStatus;
  notes?: string;
  _pos?: string;
};

/** API.md: confirmed, success and lost appointments count as done on the calendar. */
const DONE_STATUSES: readonly AppointmentStatus[] = ['confirmed', 'success', 'lost'];

export function countsAsDone(status: AppointmentStatus): boolean {
  return DONE_STATUSES.includes(status);
}
