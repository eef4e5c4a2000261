import { positionKey, type RecordedEvent } from '@trilha/event-store';
import type { CollectionWrite, Document, Update } from '@trilha/read-store';

/**
 * An update of document `id` that applies once per event: skipped when the document already
 * carries this event's position or a later one (`_pos`). Upserts by default.
 */
export function guardedUpdate(
  collection: string,
  id: string,
  event: RecordedEvent,
  update: Update,
  options: { upsert?: boolean } = {},
): CollectionWrite {
  return {
    collection,
    write: { op: 'updateOne', filter: { _id: id }, update, upsert: options.upsert ?? true, positionGuard: positionKey(event.position) },
  };
}

/** Replaces (or creates) document `doc._id` once per event, guarded like `guardedUpdate`. */
export function guardedReplace(collection: string, doc: Document, event: RecordedEvent): CollectionWrite {
  return {
    collection,
    write: { op: 'replaceOne', filter: { _id: doc._id }, replacement: doc, upsert: true, positionGuard: positionKey(event.position) },
  };
}

/**
 * Writes an append-only document keyed by something unique to the event (usually the event
 * id). Replaying it rewrites the same document, so it is idempotent without a guard; do not use
 * it for documents that later events update.
 */
export function insertOnce(collection: string, doc: Document): CollectionWrite {
  return { collection, write: { op: 'replaceOne', filter: { _id: doc._id }, replacement: doc, upsert: true } };
}
