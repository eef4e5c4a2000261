import { conflict, notFound } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import type { ContactDetails, CustomerContactEvent } from './events';
import { contactDetails, sameDetails, type ContactInput } from './fields';
import { evolveCustomerContacts, initialCustomerContactsState, type CustomerContactsState } from './state';

/**
 * `customerExists` is read by the caller from the customer's own stream; a deleted customer is
 * refused there (409) before the command is decided.
 */
export type AddContact = { type: 'AddContact'; customerId: string; customerExists: boolean; contactId: string; contact: ContactInput; primary?: boolean };

/** Absent fields stay as they are; `null` clears an optional one. `primary: false` unsets it if it is the primary one. */
export type EditContact = {
  type: 'EditContact';
  customerId: string;
  customerExists: boolean;
  contactId: string;
  changes: Partial<ContactInput> & { primary?: boolean };
};

export type RemoveContact = { type: 'RemoveContact'; customerId: string; customerExists: boolean; contactId: string };

export type CustomerContactCommand = AddContact | EditContact | RemoveContact;

function decideAdd(command: AddContact, state: CustomerContactsState): CustomerContactEvent[] {
  const { customerId, contactId } = command;
  requireCustomer(command);
  if (state.contacts[contactId]) throw conflict('contact_exists', `Contact ${contactId} already exists`);
  const events: CustomerContactEvent[] = [{ type: 'ContactAdded', data: { customerId, contactId, ...contactDetails(command.contact) } }];
  if (command.primary === true) events.push(primarySet(customerId, contactId, state.primaryContactId));
  return events;
}

function decideEdit(command: EditContact, state: CustomerContactsState): CustomerContactEvent[] {
  const { customerId, contactId, changes } = command;
  const current = existingContact(command, state);
  const edited = contactDetails(merged(current, changes));
  const events: CustomerContactEvent[] = [];
  if (!sameDetails(current, edited)) events.push({ type: 'ContactEdited', data: { customerId, contactId, ...edited } });
  const isPrimary = state.primaryContactId === contactId;
  if (changes.primary === true && !isPrimary) events.push(primarySet(customerId, contactId, state.primaryContactId));
  if (changes.primary === false && isPrimary) events.push({ type: 'PrimaryContactUnset', data: { customerId, contactId } });
  return events;
}

function decideRemove(command: RemoveContact, state: CustomerContactsState): CustomerContactEvent[] {
  existingContact(command, state);
  return [{ type: 'ContactRemoved', data: { customerId: command.customerId, contactId: command.contactId } }];
}

export const customerContactsDecider: Decider<CustomerContactCommand, CustomerContactsState, CustomerContactEvent> = {
  initialState: initialCustomerContactsState,
  evolve: evolveCustomerContacts,
  decide(command, state) {
    switch (command.type) {
      case 'AddContact':
        return decideAdd(command, state);
      case 'EditContact':
        return decideEdit(command, state);
      case 'RemoveContact':
        return decideRemove(command, state);
    }
  },
};

function requireCustomer(command: { customerId: string; customerExists: boolean }): void {
  if (!command.customerExists) throw notFound('customer_not_found', `Customer ${command.customerId} does not exist`);
}

function existingContact(command: EditContact | RemoveContact, state: CustomerContactsState): ContactDetails {
  requireCustomer(command);
  const contact = state.contacts[command.contactId];
  if (!contact) throw notFound('contact_not_found', `Contact ${command.contactId} of customer ${command.customerId} does not exist`);
  return contact;
}

/** The current details with the changes applied: a field present in `changes` replaces it, `null` included. */
function merged(current: ContactDetails, changes: Partial<ContactInput>): ContactInput {
  const pick = <K extends keyof ContactInput>(field: K) => (changes[field] !== undefined ? changes[field] : current[field]);
  return { name: changes.name ?? current.name, role: pick('role'), email: pick('email'), phones: pick('phones'), whatsapp: pick('whatsapp') };
}

/** At most one primary contact: setting one names the one it replaces, which stops being primary. */
function primarySet(customerId: string, contactId: string, previousContactId: string | undefined): CustomerContactEvent {
  return { type: 'PrimaryContactSet', data: { customerId, contactId, ...(previousContactId !== undefined ? { previousContactId } : {}) } };
}
