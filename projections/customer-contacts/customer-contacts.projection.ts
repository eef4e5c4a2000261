import { CUSTOMER_CONTACTS_STREAM_PREFIX, CUSTOMER_STREAM_PREFIX, type CustomerContactEvent, type CustomerEvent } from '@trilha/domain';
import { positionKey, type RecordedEvent } from '@trilha/event-store';
import { guardedReplace, guardedUpdate, insertOnce, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite } from '@trilha/read-store';
import { eraseWhereSet } from '../erasure';

export const CUSTOMER_CONTACTS = 'customer-contacts';
/** One document per contact; a removed contact leaves a tombstone without its details. */
export const CONTACTS_COLLECTION = 'customer_contacts';
/** One document per registered customer, so that "no contacts" and "no such customer" differ. */
export const CONTACTED_CUSTOMERS_COLLECTION = 'customer_contacts_customers';

/** A contact (CS13) as GET /customers/:id/contacts lists it. */
export type ContactDocument = {
  _id: string;
  customerId: string;
  removed: boolean;
  /** Personal data (name to WhatsApp): becomes the placeholder when the customer is erased. */
  name?: string;
  role?: string;
  email?: string;
  phones?: string[];
  whatsapp?: string;
  primary: boolean;
  /** occurredAt of ContactAdded. */
  addedAt: string;
  /** The global position of ContactAdded (`positionKey`): contacts are listed in the order they were added. */
  pos: string;
};

/** The primary contact first, then the others in the order they were added. */
export const CONTACTS_SORT = { primary: -1, pos: 1 } as const;
export const LIVE_CONTACTS = (customerId: string) => ({ customerId, removed: false });

type ContactsEvent = CustomerContactEvent | Extract<CustomerEvent, { type: 'CustomerRegistered' | 'CustomerDeleted' }>;

const DETAILS = ['name', 'role', 'email', 'phones', 'whatsapp'] as const;

function handle(event: RecordedEvent): CollectionWrite[] {
  const e = { type: event.type, data: event.data } as ContactsEvent;
  switch (e.type) {
    case 'CustomerRegistered':
      return [insertOnce(CONTACTED_CUSTOMERS_COLLECTION, { _id: e.data.customerId })];
    case 'ContactAdded': {
      const { customerId, contactId, ...details } = e.data;
      const doc: ContactDocument = { _id: contactId, customerId, removed: false, ...details, primary: false, addedAt: event.metadata.occurredAt ?? event.created, pos: positionKey(event.position) };
      return [guardedReplace(CONTACTS_COLLECTION, doc, event)];
    }
    case 'ContactEdited': {
      const { customerId: _customerId, contactId, ...details } = e.data;
      const cleared = DETAILS.filter((field) => details[field] === undefined);
      const update = { $set: details, ...(cleared.length > 0 ? { $unset: Object.fromEntries(cleared.map((field) => [field, ''])) } : {}) };
      return [guardedUpdate(CONTACTS_COLLECTION, contactId, event, update, { upsert: false })];
    }
    case 'PrimaryContactSet': {
      const { contactId, previousContactId } = e.data;
      const writes = [guardedUpdate(CONTACTS_COLLECTION, contactId, event, { $set: { primary: true } }, { upsert: false })];
      if (previousContactId !== undefined) writes.push(guardedUpdate(CONTACTS_COLLECTION, previousContactId, event, { $set: { primary: false } }, { upsert: false }));
      return writes;
    }
    case 'PrimaryContactUnset':
      return [guardedUpdate(CONTACTS_COLLECTION, e.data.contactId, event, { $set: { primary: false } }, { upsert: false })];
    case 'ContactRemoved': {
      // A tombstone keeps the position guard, so a replay of ContactAdded does not bring the contact back.
      const tombstone = { _id: e.data.contactId, customerId: e.data.customerId, removed: true, primary: false };
      return [guardedReplace(CONTACTS_COLLECTION, tombstone, event)];
    }
    case 'CustomerDeleted': {
      const customer = { customerId: e.data.customerId };
      return [
        ...(['name', 'role', 'email', 'whatsapp'] as const).map((field) => eraseWhereSet(CONTACTS_COLLECTION, customer, field)),
        eraseWhereSet(CONTACTS_COLLECTION, customer, 'phones', []),
      ];
    }
    default:
      return [];
  }
}

/** CS13: the contacts of each customer (seed 002, "Contatos" in the customer 360). */
export const customerContactsProjection: ProjectionDefinition = {
  name: CUSTOMER_CONTACTS,
  version: 1,
  collections: [
    { name: CONTACTS_COLLECTION, indexes: [{ fields: { customerId: 1, removed: 1, primary: -1, pos: 1, _id: 1 } }], scalarFields: ['customerId', 'removed', 'primary', 'pos'] },
    { name: CONTACTED_CUSTOMERS_COLLECTION },
  ],
  filter: {
    streamPrefixes: [CUSTOMER_STREAM_PREFIX, CUSTOMER_CONTACTS_STREAM_PREFIX],
    eventTypes: ['CustomerRegistered', 'CustomerDeleted', 'ContactAdded', 'ContactEdited', 'ContactRemoved', 'PrimaryContactSet', 'PrimaryContactUnset'],
  },
  handle,
};
