import type { AppointmentEvent, CustomerEvent, JourneyEvent, MarkerEvent, WalletEvent } from '@trilha/domain';
import { centsToAmount } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { guardedUpdate } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { TIMELINE_LABELS } from './documents';

/**
 * Keys of the label documents. Steps and milestones are keyed within their journey: their ids are
 * unique there, and every event that names one also names the journey.
 */
export const labelKey = {
  wallet: (walletId: string) => `wallet:${walletId}`,
  journey: (journeyId: string) => `journey:${journeyId}`,
  step: (journeyId: string, stepId: string) => `step:${journeyId}:${stepId}`,
  milestone: (journeyId: string, milestoneId: string) => `milestone:${journeyId}:${milestoneId}`,
  appointmentKind: (appointmentId: string) => `appointment-kind:${appointmentId}`,
  proposalProduct: (proposalId: string) => `proposal-product:${proposalId}`,
  proposalAmount: (proposalId: string) => `proposal-amount:${proposalId}`,
  proposalAmountCents: (proposalId: string) => `proposal-amount-cents:${proposalId}`,
  markerName: (markerId: string) => `marker-name:${markerId}`,
  markerEmoji: (markerId: string) => `marker-emoji:${markerId}`,
  scheduledLeadStatus: (scheduleId: string) => `lead-status-schedule-to:${scheduleId}`,
  scheduledLeadStatusAt: (scheduleId: string) => `lead-status-schedule-at:${scheduleId}`,
};

type LabelledEvent = JourneyEvent | WalletEvent | AppointmentEvent | CustomerEvent | MarkerEvent;

/**
 * The label documents an event defines: names that later entries refer to by id. They are written
 * once per event (guarded by position), so a later event may rename what an earlier one named.
 */
export function labelWritesOf(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as LabelledEvent;
  const label = (key: string, value: string | number) => guardedUpdate(TIMELINE_LABELS, key, event, { $set: { value } });
  switch (e.type) {
    case 'WalletCreated':
      return [label(labelKey.wallet(e.data.walletId), e.data.name)];
    case 'JourneyDefined': {
      const { journeyId, name, steps } = e.data;
      return [
        label(labelKey.journey(journeyId), name),
        ...steps.flatMap((step) => [
          label(labelKey.step(journeyId, step.id), step.name),
          ...step.milestones.map((milestone) => label(labelKey.milestone(journeyId, milestone.id), milestone.name)),
        ]),
      ];
    }
    case 'AppointmentScheduled':
      return [label(labelKey.appointmentKind(e.data.appointmentId), e.data.kind)];
    case 'ProposalRegistered': {
      const { proposalId, productId, amountCents } = e.data;
      return [
        label(labelKey.proposalProduct(proposalId), productId),
        label(labelKey.proposalAmount(proposalId), centsToAmount(amountCents)),
        label(labelKey.proposalAmountCents(proposalId), amountCents),
      ];
    }
    case 'MarkerCreated':
      return [label(labelKey.markerName(e.data.markerId), e.data.name), label(labelKey.markerEmoji(e.data.markerId), e.data.emoji)];
    case 'MarkerRenamed':
      return [label(labelKey.markerName(e.data.markerId), e.data.name)];
    case 'MarkerEmojiChanged':
      return [label(labelKey.markerEmoji(e.data.markerId), e.data.emoji)];
    case 'LeadStatusChangeScheduled':
      return [label(labelKey.scheduledLeadStatus(e.data.scheduleId), e.data.to), label(labelKey.scheduledLeadStatusAt(e.data.scheduleId), e.data.at)];
    default:
      // A deleted marker keeps its labels: earlier entries still name it.
      return [];
  }
}
