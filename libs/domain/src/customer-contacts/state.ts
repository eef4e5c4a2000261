import type { ContactDetails, CustomerContactEvent } from './events';

/** The customer's current contacts by id (removed ones are gone) and the primary one, if any. */
export interface CustomerContactsState {
  contacts: Readonly<Record<string, ContactDetails>>;
  primaryContactId?: string;
}

export const initialCustomerContactsState: CustomerContactsState = { contacts: {} };

export function evolveCustomerContacts(state: CustomerContactsState, event: CustomerContactEvent): CustomerContactsState {
  switch (event.type) {
    case 'ContactAdded':
    case 'ContactEdited': {
      const { customerId: _customerId, contactId, ...details } = event.data;
      return { ...state, contacts: { ...state.contacts, [contactId]: details } };
    }
    case 'ContactRemoved': {
      const { [event.data.contactId]: _removed, ...contacts } = state.contacts;
      const primaryContactId = state.primaryContactId === event.data.contactId ? undefined : state.primaryContactId;
      return primaryContactId === undefined ? { contacts } : { contacts, primaryContactId };
    }
    case 'PrimaryContactSet':
      return { ...state, primaryContactId: event.data.contactId };
    case 'PrimaryContactUnset':
      return { contacts: state.contacts };
    default:
      return state;
  }
}
