import type { ActorKind, TimelineActor, TimelineType } from './timeline-types';

export const TIMELINE = 'timeline';
/** One document per timeline entry, keyed by the event's global position (see TimelineEntryDocument). */
export const TIMELINE_ENTRIES = 'timeline_entries';
/** One document per registered customer, so that "no entries" and "no such customer" differ. */
export const TIMELINE_CUSTOMERS = 'timeline_customers';
/** Names the events of an entry do not carry (wallets, journey steps …), resolved when read. */
export const TIMELINE_LABELS = 'timeline_labels';

export type TimelineEntryDocument = {
  /**
   * The event's global position (`positionKey`, as `pos`): a rebuild appends entries in key
   * order, where random keys (event ids) would cost an index page write per entry.
   */
  _id: string;
  /** The event the entry stands for: the item's `id` in the API. */
  eventId: string;
  customerId: string;
  /** The event's occurredAt as UTC `YYYY-MM-DDTHH:mm:ss.sssZ`, so instants compare as text. */
  at: string;
  /** The event's global position (`positionKey`): the tie-break between entries of one instant. */
  pos: string;
  type: TimelineType;
  actor: TimelineActor & { kind: ActorKind };
  /** The entry's data with its looked-up names still null (see timeline-view.ts). */
  data: Record<string, unknown>;
};

export type TimelineLabelDocument = { _id: string; value: string | number; _pos?: string };

/** Newest first; entries of one instant in reverse global order. */
export const TIMELINE_SORT = { at: -1, pos: -1 } as const;
