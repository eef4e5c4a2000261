import type { AppointmentKind, EditableField, EntryMethod, LeadStatus, Moment, NonCustomerKind, PortfolioException, ScheduleCancelReason, Temperature } from '@trilha/domain';

/**
 * The timeline's entry types (T18). These names are the public contract of
 * `GET /customers/:id/timeline`: they never follow a rename of an internal event type, and a
 * new one is only ever added.
 */
export const TIMELINE_TYPES = [
  'customer_registered',
  'data_edited',
  'temperature_changed',
  'temperature_reverted',
  'objective_changed',
  'moment_changed',
  'product_of_interest_changed',
  'proposal_registered',
  'proposal_marked_as_sale',
  'lead_status_changed',
  'disinterest_informed',
  'comment_added',
  'appointment_scheduled',
  'appointment_rescheduled',
  'appointment_confirmed',
  'appointment_succeeded',
  'appointment_lost',
  'placed_in_wallet',
  'stage_moved',
  'milestone_completed',
  'step_concluded',
  'customer_deleted',
  'marker_set',
  'marker_cleared',
  'lead_status_change_scheduled',
  'lead_status_change_cancelled',
  'rating_changed',
  'note_added',
  'non_customer_marked',
  'non_customer_unmarked',
  'portfolio_exception_set',
  'portfolio_exception_cleared',
  'contact_added',
  'contact_edited',
  'contact_removed',
  'primary_contact_set',
  'primary_contact_unset',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export function isTimelineType(value: unknown): value is TimelineType {
  return typeof value === 'string' && (TIMELINE_TYPES as readonly string[]).includes(value);
}

/** Who acted: a user of the CRM, or the customer themself (e.g. a chat message, T16). */
export const ACTOR_KINDS = ['customer', 'user'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * The `data` of an entry, per type, as the API serves it. Absent values are `null`, never
 * missing, so that each type has one fixed shape. Fields named `…Name` (and an appointment's
 * `kind` after it was scheduled, a sold proposal's product and amount) are looked up when the
 * timeline is read: `null` when the name is not known.
 */
export interface TimelineDataByType {
  customer_registered: { channel: string | null; media: string | null; entryMethod: EntryMethod | null; brokerId: string | null };
  /** Which fields changed; their values are in "view changes" (GET /customers/:id/changes). */
  data_edited: { fields: EditableField[] };
  temperature_changed: { from: Temperature | null; to: Temperature };
  temperature_reverted: { from: Temperature; to: Temperature };
  objective_changed: { from: string | null; to: string };
  moment_changed: { from: Moment | null; to: Moment };
  product_of_interest_changed: { from: string | null; to: string };
  proposal_registered: { proposalId: string; productId: string; amount: string; amountCents: number; notes: string | null };
  proposal_marked_as_sale: { proposalId: string; productId: string | null; amount: string | null; amountCents: number | null };
  /** `scheduleId`: the scheduled change (T14) that fell due; null for a change by hand or by another event. */
  lead_status_changed: { from: LeadStatus; to: LeadStatus; scheduleId: string | null };
  disinterest_informed: { reason: string };
  comment_added: { commentId: string; text: string };
  appointment_scheduled: { appointmentId: string; kind: AppointmentKind; scheduledFor: string; responsibleId: string; notes: string | null };
  appointment_rescheduled: { appointmentId: string; kind: AppointmentKind | null; from: string; scheduledFor: string };
  appointment_confirmed: { appointmentId: string; kind: AppointmentKind | null };
  appointment_succeeded: { appointmentId: string; kind: AppointmentKind | null };
  /** `loseFutureCycle`: the user lost the customer's later appointments with it; `cycleOf`: lost as part of that. */
  appointment_lost: { appointmentId: string; kind: AppointmentKind | null; reason: string; loseFutureCycle: boolean; cycleOf: string | null };
  placed_in_wallet: {
    walletId: string;
    walletName: string | null;
    fromWalletId: string | null;
    fromWalletName: string | null;
    journeyId: string | null;
    journeyName: string | null;
    stepId: string | null;
    stepName: string | null;
  };
  stage_moved: { journeyId: string; journeyName: string | null; fromStepId: string; fromStepName: string | null; toStepId: string; toStepName: string | null };
  milestone_completed: {
    journeyId: string;
    journeyName: string | null;
    stepId: string;
    stepName: string | null;
    milestoneId: string;
    milestoneName: string | null;
    completedOn: string;
  };
  /** CS12: a step of the journey reported concluded on a day (independent of the current step). */
  step_concluded: { journeyId: string; journeyName: string | null; stepId: string; stepName: string | null; concludedOn: string };
  /** T10: the customer's personal data was erased; earlier entries show placeholders. */
  customer_deleted: Record<string, never>;
  /** CS6: the customer's marker, its name and emoji as they are now (a deleted marker keeps its last ones). */
  marker_set: { markerId: string; markerName: string | null; markerEmoji: string | null };
  /** CS6: the customer's marker was taken off; `markerId` is the one they had. */
  marker_cleared: { markerId: string; markerName: string | null; markerEmoji: string | null };
  /** T14: a change of the lead status planned for instant `at`; it replaces the one pending, if any. */
  lead_status_change_scheduled: { scheduleId: string; to: LeadStatus; at: string };
  /**
   * T14: the scheduled change will not happen. `to` and `at` are the change's, looked up when read;
   * `reason` null: a user cancelled it; `already_in_status`: the lead had that status when it fell due.
   */
  lead_status_change_cancelled: { scheduleId: string; to: LeadStatus | null; at: string | null; reason: ScheduleCancelReason | null };
  /** T13: the rating in stars, 0..5; `from` null when the customer had none yet. */
  rating_changed: { from: number | null; to: number };
  /** T15: a note was written; its text is in GET /customers/:id/notes, not on the timeline. */
  note_added: { noteId: string };
  /**
   * T9: marked as not a customer; `fromKind` is the kind it had when it already was one (a change
   * of kind or note), null otherwise. `note` becomes the placeholder when the customer is erased.
   */
  non_customer_marked: { kind: NonCustomerKind; fromKind: NonCustomerKind | null; note: string | null };
  /** T9, undone: a customer again; `kind` is the one it had. */
  non_customer_unmarked: { kind: NonCustomerKind };
  /** T12: a portfolio exception holds from now on. */
  portfolio_exception_set: { exception: PortfolioException };
  /** T12: the portfolio exception no longer holds. */
  portfolio_exception_cleared: { exception: PortfolioException };
  /**
   * CS13: a contact of the company was added, edited or removed. The contact's details are
   * personal data: they are in GET /customers/:id/contacts, not on the timeline.
   */
  contact_added: { contactId: string };
  contact_edited: { contactId: string };
  contact_removed: { contactId: string };
  /** CS13: `contactId` is now the primary contact; `previousContactId` was, null when there was none. */
  primary_contact_set: { contactId: string; previousContactId: string | null };
  /** CS13: `contactId` is no longer the primary contact, and there is none. */
  primary_contact_unset: { contactId: string };
}

export type TimelineData<T extends TimelineType = TimelineType> = TimelineDataByType[T];

/** An entry's actor. `id`/`role` are null for an event recorded without an actor. */
export interface TimelineActor {
  id: string | null;
  role: string | null;
  kind: ActorKind;
}

/** One item of `GET /customers/:id/timeline`. */
export type TimelineItem = {
  [T in TimelineType]: { id: string; at: string; type: T; actor: TimelineActor; summary: string; data: TimelineData<T> };
}[TimelineType];
