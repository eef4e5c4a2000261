import { CUSTOMER_STREAM_PREFIX, PERSONAL_CUSTOMER_FIELDS, type CustomerEvent } from '@trilha/domain';
import { positionKey, type RecordedEvent } from '@trilha/event-store';
import type { ProjectionDefinition } from '@trilha/projection';
import { insertOnce } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { eraseWhereSet } from '../erasure';
import { changedFields } from './changed-fields';

export const AUDIT_CHANGES = 'audit-changes';
/** One document per changed field. */
export const CHANGES_COLLECTION = 'audit_changes';
/** One document per registered customer, so that "no changes" and "no such customer" differ. */
export const AUDITED_CUSTOMERS_COLLECTION = 'audit_customers';

export type ChangeDocument = {
  _id: string;
  customerId: string;
  /** Global order of the event (`positionKey`), then the field's place in it: the list's sort. */
  pos: string;
  fieldIndex: number;
  at: string;
  actor: { id: string; role?: string; name?: string } | null;
  field: string;
  from: unknown;
  to: unknown;
  eventId: string;
};

/** Newest first; the fields of one event in the order they were recorded. */
export const CHANGES_SORT = { pos: -1, fieldIndex: 1 } as const;

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as CustomerEvent;
  if (e.type === 'CustomerRegistered') return [insertOnce(AUDITED_CUSTOMERS_COLLECTION, { _id: e.data.customerId })];
  if (e.type === 'CustomerDeleted') return erasedChanges(e.data.customerId);
  const fields = changedFields(e);
  if (fields.length === 0) return [];
  const customerId = (e.data as { customerId: string }).customerId;
  const actor = event.metadata.actor;
  const at = event.metadata.occurredAt ?? event.created;
  // Append-only rows keyed by event id and field index: replaying an event rewrites the same rows.
  return fields.map(({ field, from, to }, fieldIndex) =>
    insertOnce(CHANGES_COLLECTION, {
      _id: `${event.id}:${fieldIndex}`,
      customerId,
      pos: positionKey(event.position),
      fieldIndex,
      at,
      actor: actor ? { id: actor.id, role: actor.role, name: actor.name } : null,
      field,
      from,
      to,
      eventId: event.id,
    } satisfies ChangeDocument),
  );
}

/** The old and new values of personal fields become placeholders (a list of phones: empty). */
function erasedChanges(customerId: string): CollectionWrite[] {
  return PERSONAL_CUSTOMER_FIELDS.flatMap((field) =>
    (['from', 'to'] as const).map((side) => eraseWhereSet(CHANGES_COLLECTION, { customerId, field }, side, field === 'phones' ? [] : undefined)),
  );
}

/** "View changes" (T2, seed 000 item 11): who changed which field of a customer, when, from → to. */
export const auditChangesProjection: ProjectionDefinition = {
  name: AUDIT_CHANGES,
  version: 1,
  collections: [
    { name: CHANGES_COLLECTION, indexes: [{ fields: { customerId: 1, pos: -1, fieldIndex: 1 } }], scalarFields: ['customerId', 'pos', 'fieldIndex', 'field'] },
    { name: AUDITED_CUSTOMERS_COLLECTION },
  ],
  filter: { streamPrefixes: [CUSTOMER_STREAM_PREFIX] },
  handle,
};
