import type { DomainEvent } from '../shared/decider';

/**
 * CS13, seed 002 ("Contatos"): the people linked to a company customer, each with a name and their
 * ways of being reached. A stream per customer beside the customer's own (ADR 0040).
 */
export const CONTACT_NAME_MAX = 256;
/** The contact's role or position at the company ("Gerente de compras"). */
export const CONTACT_ROLE_MAX = 128;
/** The customer's own limits (apps/api/src/customers/register-customer.dto.ts). */
export const CONTACT_EMAIL_MAX = 256;
export const CONTACT_PHONE_MAX = 40;
export const CONTACT_PHONES_MAX = 20;

/** A contact's details as stored: optional fields are absent, never empty. */
export interface ContactDetails {
  name: string;
  role?: string;
  email?: string;
  phones: string[];
  whatsapp?: string;
}

export type ContactAdded = DomainEvent<'ContactAdded', { customerId: string; contactId: string } & ContactDetails>;

/** The contact's details after the edit, whole: a reader needs no earlier event to show them. */
export type ContactEdited = DomainEvent<'ContactEdited', { customerId: string; contactId: string } & ContactDetails>;

export type ContactRemoved = DomainEvent<'ContactRemoved', { customerId: string; contactId: string }>;

/** The customer's primary contact is now `contactId`; `previousContactId` was, and no longer is. */
export type PrimaryContactSet = DomainEvent<'PrimaryContactSet', { customerId: string; contactId: string; previousContactId?: string }>;

/** The customer has no primary contact any more (it was `contactId`). */
export type PrimaryContactUnset = DomainEvent<'PrimaryContactUnset', { customerId: string; contactId: string }>;

export type CustomerContactEvent = ContactAdded | ContactEdited | ContactRemoved | PrimaryContactSet | PrimaryContactUnset;

export const CUSTOMER_CONTACT_EVENT_TYPES: readonly CustomerContactEvent['type'][] = ['ContactAdded', 'ContactEdited', 'ContactRemoved', 'PrimaryContactSet', 'PrimaryContactUnset'];

/** Not `customer-…`: that prefix is the customer aggregate's own. */
export const CUSTOMER_CONTACTS_STREAM_PREFIX = 'customercontacts-';
export const customerContactsStreamId = (customerId: string) => `${CUSTOMER_CONTACTS_STREAM_PREFIX}${customerId}`;
