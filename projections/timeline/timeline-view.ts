import type { TimelineEntryDocument } from './documents';
import { labelKey } from './labels';
import { DEFAULT_SUMMARY_LOCALE, renderSummary, type SummaryLocale } from './summaries';
import type { TimelineData, TimelineItem, TimelineType } from './timeline-types';

/** For each data field that is looked up when read, the label that holds it (null: nothing to look up). */
type LookedUp<T extends TimelineType> = (data: TimelineData<T>) => Partial<Record<keyof TimelineData<T>, string | null>>;

const appointmentKind = (d: { appointmentId: string }) => ({ kind: labelKey.appointmentKind(d.appointmentId) });
const marker = (d: { markerId: string }) => ({ markerName: labelKey.markerName(d.markerId), markerEmoji: labelKey.markerEmoji(d.markerId) });

/**
 * Names are resolved when the timeline is read rather than copied into the entries: a projection
 * cannot read, so an entry could only carry a name its own event carries, and a renamed wallet
 * is then shown by its current name without a rebuild.
 */
const LOOKED_UP: { [T in TimelineType]?: LookedUp<T> } = {
  proposal_marked_as_sale: (d) => ({
    productId: labelKey.proposalProduct(d.proposalId),
    amount: labelKey.proposalAmount(d.proposalId),
    amountCents: labelKey.proposalAmountCents(d.proposalId),
  }),
  appointment_rescheduled: appointmentKind,
  appointment_confirmed: appointmentKind,
  appointment_succeeded: appointmentKind,
  appointment_lost: appointmentKind,
  placed_in_wallet: (d) => ({
    walletName: labelKey.wallet(d.walletId),
    fromWalletName: d.fromWalletId ? labelKey.wallet(d.fromWalletId) : null,
    journeyName: d.journeyId ? labelKey.journey(d.journeyId) : null,
    stepName: d.journeyId && d.stepId ? labelKey.step(d.journeyId, d.stepId) : null,
  }),
  stage_moved: (d) => ({
    journeyName: labelKey.journey(d.journeyId),
    fromStepName: labelKey.step(d.journeyId, d.fromStepId),
    toStepName: labelKey.step(d.journeyId, d.toStepId),
  }),
  milestone_completed: (d) => ({
    journeyName: labelKey.journey(d.journeyId),
    stepName: labelKey.step(d.journeyId, d.stepId),
    milestoneName: labelKey.milestone(d.journeyId, d.milestoneId),
  }),
  step_concluded: (d) => ({
    journeyName: labelKey.journey(d.journeyId),
    stepName: labelKey.step(d.journeyId, d.stepId),
  }),
  marker_set: marker,
  marker_cleared: marker,
  lead_status_change_cancelled: (d) => ({ to: labelKey.scheduledLeadStatus(d.scheduleId), at: labelKey.scheduledLeadStatusAt(d.scheduleId) }),
};

/**
 * Data fields added to a type after entries of it were stored: entries written before read them
 * as these values (null, as for any absent value), so that a type keeps one shape without a rebuild.
 */
const ADDED_LATER: { [T in TimelineType]?: Partial<TimelineData<T>> } = {
  lead_status_changed: { scheduleId: null },
};

function lookupsOf(doc: TimelineEntryDocument): Array<[field: string, key: string | null]> {
  const lookedUp = LOOKED_UP[doc.type] as ((data: unknown) => Record<string, string | null>) | undefined;
  return lookedUp ? Object.entries(lookedUp(doc.data)) : [];
}

/** The label documents a page of entries needs. */
export function labelKeysOf(docs: readonly TimelineEntryDocument[]): string[] {
  const keys = docs.flatMap((doc) => lookupsOf(doc).flatMap(([, key]) => (key ? [key] : [])));
  return [...new Set(keys)];
}

export interface TimelineViewOptions {
  /** IANA time zone in which summaries write instants. */
  timeZone: string;
  locale?: SummaryLocale;
}

/** An entry as the API serves it: its looked-up names filled in (null when unknown) and its summary. */
export function timelineItem(doc: TimelineEntryDocument, labels: ReadonlyMap<string, unknown>, options: TimelineViewOptions): TimelineItem {
  const data: Record<string, unknown> = { ...ADDED_LATER[doc.type], ...doc.data };
  for (const [field, key] of lookupsOf(doc)) data[field] = key !== null && labels.has(key) ? labels.get(key) : null;
  const summary = renderSummary(doc.type, data as unknown as TimelineData, { timeZone: options.timeZone }, options.locale ?? DEFAULT_SUMMARY_LOCALE);
  return { id: doc.eventId, at: doc.at, type: doc.type, actor: { id: doc.actor.id, role: doc.actor.role, kind: doc.actor.kind }, summary, data } as TimelineItem;
}
