import type { AppointmentEvent, CustomerContactEvent, CustomerEvent, CustomerJourneyEvent } from '@trilha/domain';
import { centsToAmount } from '@trilha/domain';
import type { TimelineData, TimelineType } from './timeline-types';

/** The events that are timeline entries: every event of a customer, an appointment, a customer's journey or their contacts. */
export type TimelineSourceEvent = CustomerEvent | AppointmentEvent | CustomerJourneyEvent | CustomerContactEvent;

export type TimelineEntry = { [T in TimelineType]: { type: T; data: TimelineData<T> } }[TimelineType];

const entry = <T extends TimelineType>(type: T, data: TimelineData<T>) => ({ type, data }) as TimelineEntry;

/**
 * The entry of each source event type. The mapped type makes a new event type in one of the
 * source unions a compile error here until it is given an entry. Names the event does not carry
 * are left null; the view fills them in when the timeline is read.
 */
const ENTRIES: { [E in TimelineSourceEvent as E['type']]: (data: E['data']) => TimelineEntry } = {
  CustomerRegistered: (d) =>
    entry('customer_registered', { channel: d.channel ?? null, media: d.media ?? null, entryMethod: d.origin?.entryMethod ?? null, brokerId: d.brokerId ?? null }),
  CustomerDataEdited: (d) => entry('data_edited', { fields: d.changes.map((change) => change.field) }),
  TemperatureChanged: (d) => entry('temperature_changed', { from: d.from ?? null, to: d.to }),
  TemperatureReverted: (d) => entry('temperature_reverted', { from: d.from, to: d.to }),
  ObjectiveChanged: (d) => entry('objective_changed', { from: d.from ?? null, to: d.to }),
  MomentChanged: (d) => entry('moment_changed', { from: d.from ?? null, to: d.to }),
  ProductOfInterestChanged: (d) => entry('product_of_interest_changed', { from: d.from ?? null, to: d.to }),
  ProposalRegistered: (d) =>
    entry('proposal_registered', {
      proposalId: d.proposalId,
      productId: d.productId,
      amount: centsToAmount(d.amountCents),
      amountCents: d.amountCents,
      notes: d.notes ?? null,
    }),
  ProposalMarkedAsSale: (d) => entry('proposal_marked_as_sale', { proposalId: d.proposalId, productId: null, amount: null, amountCents: null }),
  LeadStatusChanged: (d) => entry('lead_status_changed', { from: d.from, to: d.to, scheduleId: d.scheduleId ?? null }),
  LeadStatusChangeScheduled: (d) => entry('lead_status_change_scheduled', { scheduleId: d.scheduleId, to: d.to, at: d.at }),
  LeadStatusChangeCancelled: (d) => entry('lead_status_change_cancelled', { scheduleId: d.scheduleId, to: null, at: null, reason: d.reason ?? null }),
  DisinterestInformed: (d) => entry('disinterest_informed', { reason: d.reason }),
  CommentAdded: (d) => entry('comment_added', { commentId: d.commentId, text: d.text }),
  AppointmentScheduled: (d) =>
    entry('appointment_scheduled', { appointmentId: d.appointmentId, kind: d.kind, scheduledFor: d.scheduledFor, responsibleId: d.responsibleId, notes: d.notes ?? null }),
  AppointmentRescheduled: (d) => entry('appointment_rescheduled', { appointmentId: d.appointmentId, kind: null, from: d.from, scheduledFor: d.scheduledFor }),
  AppointmentConfirmed: (d) => entry('appointment_confirmed', { appointmentId: d.appointmentId, kind: null }),
  AppointmentSucceeded: (d) => entry('appointment_succeeded', { appointmentId: d.appointmentId, kind: null }),
  AppointmentLost: (d) =>
    entry('appointment_lost', { appointmentId: d.appointmentId, kind: null, reason: d.reason, loseFutureCycle: d.loseFutureCycle === true, cycleOf: d.cycleOf ?? null }),
  CustomerPlacedInWallet: (d) =>
    entry('placed_in_wallet', {
      walletId: d.walletId,
      walletName: null,
      fromWalletId: d.fromWalletId ?? null,
      fromWalletName: null,
      journeyId: d.journeyId ?? null,
      journeyName: null,
      stepId: d.stepId ?? null,
      stepName: null,
    }),
  CustomerStageMoved: (d) =>
    entry('stage_moved', { journeyId: d.journeyId, journeyName: null, fromStepId: d.fromStepId, fromStepName: null, toStepId: d.toStepId, toStepName: null }),
  MilestoneCompleted: (d) =>
    entry('milestone_completed', {
      journeyId: d.journeyId,
      journeyName: null,
      stepId: d.stepId,
      stepName: null,
      milestoneId: d.milestoneId,
      milestoneName: null,
      completedOn: d.completedOn,
    }),
  StepConcluded: (d) =>
    entry('step_concluded', { journeyId: d.journeyId, journeyName: null, stepId: d.stepId, stepName: null, concludedOn: d.concludedOn }),
  CustomerDeleted: () => entry('customer_deleted', {}),
  CustomerMarkerSet: (d) => entry('marker_set', { markerId: d.markerId, markerName: null, markerEmoji: null }),
  CustomerMarkerCleared: (d) => entry('marker_cleared', { markerId: d.markerId, markerName: null, markerEmoji: null }),
  RatingChanged: (d) => entry('rating_changed', { from: d.from ?? null, to: d.to }),
  // The text stays in the notes read model (seed 001's "Notas" tab): the history only records that one was written.
  NoteAdded: (d) => entry('note_added', { noteId: d.noteId }),
  // The contact's details are personal data: they stay in the contacts read model (ADR 0040).
  ContactAdded: (d) => entry('contact_added', { contactId: d.contactId }),
  ContactEdited: (d) => entry('contact_edited', { contactId: d.contactId }),
  ContactRemoved: (d) => entry('contact_removed', { contactId: d.contactId }),
  PrimaryContactSet: (d) => entry('primary_contact_set', { contactId: d.contactId, previousContactId: d.previousContactId ?? null }),
  PrimaryContactUnset: (d) => entry('primary_contact_unset', { contactId: d.contactId }),
  MarkedAsNonCustomer: (d) => entry('non_customer_marked', { kind: d.kind, fromKind: d.fromKind ?? null, note: d.note ?? null }),
  UnmarkedAsNonCustomer: (d) => entry('non_customer_unmarked', { kind: d.kind }),
  PortfolioExceptionSet: (d) => entry('portfolio_exception_set', { exception: d.exception }),
  PortfolioExceptionCleared: (d) => entry('portfolio_exception_cleared', { exception: d.exception }),
};

/** The internal event types that become timeline entries. */
export const TIMELINE_SOURCE_EVENT_TYPES = Object.keys(ENTRIES) as TimelineSourceEvent['type'][];

/**
 * The customer and the entry of an event; undefined for an event that is not a timeline entry
 * (another stream's bookkeeping, or a type this version does not know yet).
 */
export function timelineEntryOf(event: { type: string; data: Record<string, unknown> }): { customerId: string; entry: TimelineEntry } | undefined {
  if (!Object.prototype.hasOwnProperty.call(ENTRIES, event.type)) return undefined;
  const toEntry = ENTRIES[event.type as TimelineSourceEvent['type']] as (data: unknown) => TimelineEntry;
  const customerId = event.data.customerId;
  // A known type without its customer is a corrupt event: stop the projection, never skip it.
  if (typeof customerId !== 'string') throw new Error(`${event.type} event has no customerId`);
  return { customerId, entry: toEntry(event.data) };
}
