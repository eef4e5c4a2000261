import { CUSTOMER_STREAM_PREFIX, type CustomerEvent } from '@trilha/domain';
import { positionKey, type RecordedEvent } from '@trilha/event-store';
import { insertOnce, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { eraseWhereSet } from '../erasure';

export const CUSTOMER_NOTES = 'customer-notes';
/** One document per note. */
export const NOTES_COLLECTION = 'customer_notes';
/** One document per registered customer, so that "no notes" and "no such customer" differ. */
export const NOTED_CUSTOMERS_COLLECTION = 'customer_notes_customers';

/** A note (T15) as GET /customers/:id/notes lists it. */
export type NoteDocument = {
  /** The note's id (from the command id). */
  _id: string;
  customerId: string;
  /** Personal data: becomes the placeholder when the customer is erased. */
  text: string;
  /** occurredAt of the event. */
  at: string;
  /** The event's global position (`positionKey`): the tie-break between notes of one instant. */
  pos: string;
  author: { id: string; role?: string; name?: string } | null;
};

/** Newest first; notes of one instant in reverse global order. */
export const NOTES_SORT = { at: -1, pos: -1 } as const;

type NotesEvent = Extract<CustomerEvent, { type: 'CustomerRegistered' | 'NoteAdded' | 'CustomerDeleted' }>;

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as NotesEvent;
  switch (e.type) {
    case 'CustomerRegistered':
      return [insertOnce(NOTED_CUSTOMERS_COLLECTION, { _id: e.data.customerId })];
    case 'NoteAdded': {
      const actor = event.metadata.actor;
      const doc: NoteDocument = {
        _id: e.data.noteId,
        customerId: e.data.customerId,
        text: e.data.text,
        at: event.metadata.occurredAt ?? event.created,
        pos: positionKey(event.position),
        author: actor ? { id: actor.id, role: actor.role, name: actor.name } : null,
      };
      // Keyed by the note's id: replaying the event writes the same document once.
      return [insertOnce(NOTES_COLLECTION, doc)];
    }
    case 'CustomerDeleted':
      return [eraseWhereSet(NOTES_COLLECTION, { customerId: e.data.customerId }, 'text')];
    default:
      return [];
  }
}

/** T15: the notes of each customer (seed 001, the "Notas" tab beside the history). */
export const customerNotesProjection: ProjectionDefinition = {
  name: CUSTOMER_NOTES,
  version: 1,
  collections: [
    { name: NOTES_COLLECTION, indexes: [{ fields: { customerId: 1, at: -1, pos: -1, _id: 1 } }], scalarFields: ['customerId', 'at', 'pos'] },
    { name: NOTED_CUSTOMERS_COLLECTION },
  ],
  filter: { streamPrefixes: [CUSTOMER_STREAM_PREFIX], eventTypes: ['CustomerRegistered', 'NoteAdded', 'CustomerDeleted'] },
  handle,
};
