import type { AppointmentKind, AppointmentStatus, FollowUpStatus } from '@trilha/domain';

export const CALENDAR = 'calendar';
export const CALENDAR_ACTIONS_COLLECTION = 'actions';

/** A follow-up opportunity registered from the calendar (CAL6), beside the appointments' kinds. */
export const OPPORTUNITY_KIND = 'opportunity';
export type CalendarActionKind = AppointmentKind | typeof OPPORTUNITY_KIND;
export type CalendarActionStatus = AppointmentStatus | FollowUpStatus;

/**
 * An appointment, on the instant it is scheduled for. The day it falls on is worked out when
 * queried, in the configured time zone, so the read model does not depend on it.
 */
export type AppointmentActionDocument = {
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

/** A follow-up opportunity (CAL5, CAL6), on a calendar date: it has a day, not an instant. */
export type FollowUpActionDocument = {
  _id: string;
  id: string;
  kind: typeof OPPORTUNITY_KIND;
  /** Who registered it: whose calendar it is on. */
  ownerId: string;
  /** `YYYY-MM-DD`: its next contact date. */
  on: string;
  status: FollowUpStatus;
  /** The company or customer name, and the contact: decrypted, or placeholders once erased. */
  name: string;
  contactName: string;
  _pos?: string;
};

/** One action on the calendar. */
export type CalendarActionDocument = AppointmentActionDocument | FollowUpActionDocument;

export function isFollowUpAction(action: CalendarActionDocument): action is FollowUpActionDocument {
  return action.kind === OPPORTUNITY_KIND;
}

/**
 * API.md: confirmed, success and lost appointments count as done on the calendar; seed 004: a
 * follow-up resolved by call or whose email was sent is done.
 */
const DONE_STATUSES: readonly CalendarActionStatus[] = ['confirmed', 'success', 'lost', 'resolved_by_call', 'email_sent'];

export function countsAsDone(status: CalendarActionStatus): boolean {
  return DONE_STATUSES.includes(status);
}
