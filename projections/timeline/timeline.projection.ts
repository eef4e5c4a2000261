import {
  APPOINTMENT_STREAM_PREFIX,
  CUSTOMER_CONTACTS_STREAM_PREFIX,
  CUSTOMER_JOURNEY_STREAM_PREFIX,
  CUSTOMER_STREAM_PREFIX,
  JOURNEY_STREAM_PREFIX,
  MARKERS_STREAM_ID,
  WALLET_STREAM_PREFIX,
} from '@trilha/domain';
import { positionKey, type EventMetadata, type RecordedEvent } from '@trilha/event-store';
import { insertOnce, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { TIMELINE, TIMELINE_CUSTOMERS, TIMELINE_ENTRIES, TIMELINE_LABELS, type TimelineEntryDocument } from './documents';
import { labelWritesOf } from './labels';
import { eraseWhereSet } from '../erasure';
import { timelineEntryOf } from './timeline-entry';
import type { TimelineActor } from './timeline-types';

function handle(event: RecordedEvent): CollectionWrite[] {
  const writes = labelWritesOf(event);
  if (event.type === 'CustomerRegistered') writes.push(insertOnce(TIMELINE_CUSTOMERS, { _id: event.data.customerId as string }));
  const found = timelineEntryOf(event);
  if (found) {
    // Append-only, keyed by the event's position: replaying the event rewrites the same document.
    const pos = positionKey(event.position);
    const doc: TimelineEntryDocument = {
      _id: pos,
      eventId: event.id,
      customerId: found.customerId,
      at: instantOf(event),
      pos,
      type: found.entry.type,
      actor: actorOf(event.metadata),
      data: found.entry.data as unknown as Record<string, unknown>,
    };
    writes.push(insertOnce(TIMELINE_ENTRIES, doc));
  }
  if (event.type === 'CustomerDeleted') writes.push(...erasedEntries(event.data.customerId as string));
  return writes;
}

/** The free texts entries copy from their events (comments, reasons, notes) become placeholders. */
function erasedEntries(customerId: string): CollectionWrite[] {
  const texts: Array<[string, string]> = [
    ['comment_added', 'data.text'],
    ['disinterest_informed', 'data.reason'],
    ['proposal_registered', 'data.notes'],
    ['appointment_scheduled', 'data.notes'],
    ['appointment_lost', 'data.reason'],
    ['non_customer_marked', 'data.note'],
  ];
  return texts.map(([type, path]) => eraseWhereSet(TIMELINE_ENTRIES, { customerId, type }, path));
}

/** Anyone but the customer acting on their own behalf is on the CRM's side: a user (see ADR). */
function actorOf(metadata: EventMetadata): TimelineActor {
  const actor = metadata.actor;
  return { id: actor?.id ?? null, role: actor?.role ?? null, kind: actor?.kind === 'customer' ? 'customer' : 'user' };
}

/**
 * An instant already as `toISOString` writes it, with a day that no month rolls over (≤ 28):
 * parsing and writing it again would give the same text.
 */
const SURELY_CANONICAL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** occurredAt (else the store's time) in one text form, so that period filters compare as text. */
export function instantOf(event: RecordedEvent): string {
  const occurredAt = event.metadata.occurredAt;
  // Nearly every event: skips a Date per entry in a rebuild.
  if (occurredAt !== undefined && SURELY_CANONICAL.test(occurredAt)) return occurredAt;
  const time = Date.parse(occurredAt ?? '');
  return new Date(Number.isNaN(time) ? Date.parse(event.created) : time).toISOString();
}

/**
 * The customer timeline (T18): an entry per event of a customer, of their appointments, of
 * their place in a wallet and of their contacts, plus the names those entries refer to (wallets,
 * journeys).
 * Stream prefixes are exact: `customer-` matches neither `customerjourney-` nor
 * `customerappointments-` (the appointment index, bookkeeping rather than history).
 */
export const timelineProjection: ProjectionDefinition = {
  name: TIMELINE,
  // 2: the entries' index ends with _id (the sort's last tie-break) and their queried fields are
  // declared scalar, so a page is read in index order; a new generation holds only that index.
  // 3: entries keyed by position (was the event id); their index is a read index.
  // 4: rating_changed and note_added (T13, T15). A projector of the previous release skips their
  // events, which an api of this one may already append during a rolling deploy.
  // 5: non_customer_marked|unmarked and portfolio_exception_set|cleared (T9, T12), for the same reason.
  // 6: the contacts' entries (CS13), from the customer's contacts stream.
  version: 6,
  collections: [
    {
      name: TIMELINE_ENTRIES,
      // Only the queries (and an erasure's rewrite) look entries up by customer: see ProjectionCollection.
      readIndexes: [{ fields: { customerId: 1, at: -1, pos: -1, _id: 1 } }],
      scalarFields: ['customerId', 'at', 'pos', 'type', 'actor.kind'],
    },
    { name: TIMELINE_CUSTOMERS },
    { name: TIMELINE_LABELS },
  ],
  filter: {
    // The marker catalogue's one stream only defines labels (marker names and emojis).
    streamPrefixes: [CUSTOMER_STREAM_PREFIX, CUSTOMER_CONTACTS_STREAM_PREFIX, APPOINTMENT_STREAM_PREFIX, CUSTOMER_JOURNEY_STREAM_PREFIX, WALLET_STREAM_PREFIX, JOURNEY_STREAM_PREFIX, MARKERS_STREAM_ID],
  },
  handle,
};
