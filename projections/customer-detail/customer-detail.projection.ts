import type { CustomerEvent, LeadOrigin } from '@trilha/domain';
import { CUSTOMER_STREAM_PREFIX } from '@trilha/domain';
import { positionKey, positionToString, type RecordedEvent } from '@trilha/event-store';
import type { ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';

export const CUSTOMER_DETAIL = 'customer-detail';
export const CUSTOMERS_COLLECTION = 'customers';

/** The customer detail read model (GET /customers/:id). */
export type CustomerDetailDocument = {
  _id: string;
  id: string;
  name: string;
  phones: string[];
  email?: string;
  whatsapp?: string;
  media?: string;
  channel?: string;
  brokerId?: string;
  objective?: string;
  temperature?: string;
  productOfInterestId?: string;
  origin?: LeadOrigin;
  registeredAt: string;
  registeredBy?: { id: string; role?: string; name?: string };
  updatedAt: string;
  /** Stream revision and global position of the last event applied. */
  revision: string;
  position: string;
  _pos?: string;
};

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as CustomerEvent;
  const at = event.metadata.occurredAt ?? event.created;
  const stamp = { updatedAt: at, revision: event.revision.toString(), position: positionToString(event.position) };
  const guard = positionKey(event.position);
  switch (e.type) {
    case 'CustomerRegistered': {
      const { customerId, ...fields } = e.data;
      const actor = event.metadata.actor;
      const replacement: CustomerDetailDocument = {
        _id: customerId,
        id: customerId,
        ...fields,
        registeredAt: at,
        ...(actor ? { registeredBy: { id: actor.id, role: actor.role, name: actor.name } } : {}),
        ...stamp,
      };
      return [{ collection: CUSTOMERS_COLLECTION, write: { op: 'replaceOne', filter: { _id: customerId }, replacement, upsert: true, positionGuard: guard } }];
    }
    case 'CustomerDataEdited': {
      const $set: Record<string, unknown> = { ...stamp };
      const $unset: Record<string, ''> = {};
      for (const change of e.data.changes) {
        if (change.to === undefined) $unset[change.field] = '';
        else $set[change.field] = change.to;
      }
      const update = Object.keys($unset).length > 0 ? { $set, $unset } : { $set };
      return [{ collection: CUSTOMERS_COLLECTION, write: { op: 'updateOne', filter: { _id: e.data.customerId }, update, positionGuard: guard } }];
    }
    default:
      return [];
  }
}

export const customerDetailProjection: ProjectionDefinition = {
  name: CUSTOMER_DETAIL,
  version: 1,
  collections: [{ name: CUSTOMERS_COLLECTION, indexes: [{ fields: { brokerId: 1 } }, { fields: { name: 1 } }] }],
  filter: { streamPrefixes: [CUSTOMER_STREAM_PREFIX] },
  handle,
};
