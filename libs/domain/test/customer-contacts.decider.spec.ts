import {
  CONTACT_NAME_MAX,
  CONTACT_PHONE_MAX,
  CONTACT_PHONES_MAX,
  CONTACT_ROLE_MAX,
  customerContactsDecider,
  type CustomerContactCommand,
  type CustomerContactEvent,
} from '@trilha/domain/customer-contacts';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(customerContactsDecider);
const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const joana = 'c0000000-0000-4000-8000-000000000001';
const pedro = 'c0000000-0000-4000-8000-000000000002';

const addedJoana: CustomerContactEvent = {
  type: 'ContactAdded',
  data: { customerId, contactId: joana, name: 'Joana Lima', role: 'Compras', email: 'joana@pao.com.br', phones: ['+55 11 98888-0000'], whatsapp: '+55 11 98888-0000' },
};
const addedPedro: CustomerContactEvent = { type: 'ContactAdded', data: { customerId, contactId: pedro, name: 'Pedro Souza', phones: [] } };
const joanaPrimary: CustomerContactEvent = { type: 'PrimaryContactSet', data: { customerId, contactId: joana } };

const add = (contactId: string, contact: Extract<CustomerContactCommand, { type: 'AddContact' }>['contact'], primary?: boolean, customerExists = true): CustomerContactCommand => ({
  type: 'AddContact',
  customerId,
  customerExists,
  contactId,
  contact,
  ...(primary !== undefined ? { primary } : {}),
});
const edit = (contactId: string, changes: Extract<CustomerContactCommand, { type: 'EditContact' }>['changes'], customerExists = true): CustomerContactCommand => ({
  type: 'EditContact',
  customerId,
  customerExists,
  contactId,
  changes,
});
const remove = (contactId: string, customerExists = true): CustomerContactCommand => ({ type: 'RemoveContact', customerId, customerExists, contactId });

describe('contacts of a company customer (CS13)', () => {
  describe('AddContact', () => {
    it('adds a contact with its details trimmed, phones without blanks or repeats', () => {
      spec
        .given([])
        .when(add(joana, { name: ' Joana Lima ', role: 'Compras ', email: ' joana@pao.com.br', phones: ['+55 11 98888-0000', ' ', '+55 11 98888-0000 '], whatsapp: '+55 11 98888-0000' }))
        .then([addedJoana]);
    });

    it('drops empty optional fields: only the name is required', () => {
      spec.given([]).when(add(pedro, { name: 'Pedro Souza', role: '  ', email: null, whatsapp: '' })).then([addedPedro]);
    });

    it('adds a primary contact: the contact, then the primary flag', () => {
      spec.given([]).when(add(joana, { name: 'Joana Lima', phones: [] }, true)).then([
        { type: 'ContactAdded', data: { customerId, contactId: joana, name: 'Joana Lima', phones: [] } },
        joanaPrimary,
      ]);
    });

    it('a new primary contact takes the flag from the former one', () => {
      spec.given([addedJoana, joanaPrimary]).when(add(pedro, { name: 'Pedro Souza' }, true)).then([
        addedPedro,
        { type: 'PrimaryContactSet', data: { customerId, contactId: pedro, previousContactId: joana } },
      ]);
    });

    it('a contact added without the flag leaves the primary one as it is', () => {
      spec.given([addedJoana, joanaPrimary]).when(add(pedro, { name: 'Pedro Souza' }, false)).then([addedPedro]);
    });

    it.each([
      ['a blank name', { name: '  ' }, 'name'],
      ['a name too long', { name: 'x'.repeat(CONTACT_NAME_MAX + 1) }, 'name'],
      ['a role too long', { name: 'Ana', role: 'x'.repeat(CONTACT_ROLE_MAX + 1) }, 'role'],
      ['a phone too long', { name: 'Ana', phones: ['1'.repeat(CONTACT_PHONE_MAX + 1)] }, 'phones'],
      ['too many phones', { name: 'Ana', phones: Array.from({ length: CONTACT_PHONES_MAX + 1 }, (_, i) => `11 9000-00${String(i).padStart(2, '0')}`) }, 'phones'],
      ['a WhatsApp too long', { name: 'Ana', whatsapp: '1'.repeat(CONTACT_PHONE_MAX + 1) }, 'whatsapp'],
    ])('refuses %s, naming the field', (_case, contact, field) => {
      spec.given([]).when(add(joana, contact)).thenThrows({ kind: 'invalid', field });
    });

    it('takes a name of exactly the limit once trimmed', () => {
      const name = 'x'.repeat(CONTACT_NAME_MAX);
      spec.given([]).when(add(joana, { name: ` ${name} ` })).then([{ type: 'ContactAdded', data: { customerId, contactId: joana, name, phones: [] } }]);
    });

    it('refuses an unknown customer with 404', () => {
      spec.given([]).when(add(joana, { name: 'Joana' }, false, false)).thenThrows({ kind: 'not_found', code: 'customer_not_found' });
    });

    it('refuses a contact id already used', () => {
      spec.given([addedJoana]).when(add(joana, { name: 'Joana' })).thenThrows({ kind: 'conflict', code: 'contact_exists' });
    });
  });

  describe('EditContact', () => {
    it('records the details after the edit, whole; absent fields stay, null clears', () => {
      spec
        .given([addedJoana])
        .when(edit(joana, { role: 'Diretora de compras', whatsapp: null }))
        .then([
          {
            type: 'ContactEdited',
            data: { customerId, contactId: joana, name: 'Joana Lima', role: 'Diretora de compras', email: 'joana@pao.com.br', phones: ['+55 11 98888-0000'] },
          },
        ]);
    });

    it('clears the phones with null', () => {
      spec.given([addedJoana]).when(edit(joana, { phones: null, email: null, role: null, whatsapp: null })).then([
        { type: 'ContactEdited', data: { customerId, contactId: joana, name: 'Joana Lima', phones: [] } },
      ]);
    });

    it('appends nothing when nothing changes', () => {
      spec.given([addedJoana, joanaPrimary]).when(edit(joana, { name: ' Joana Lima', primary: true, phones: ['+55 11 98888-0000'] })).then([]);
    });

    it('makes a contact primary, unsetting the former primary one', () => {
      spec.given([addedJoana, joanaPrimary, addedPedro]).when(edit(pedro, { primary: true })).then([
        { type: 'PrimaryContactSet', data: { customerId, contactId: pedro, previousContactId: joana } },
      ]);
    });

    it('unsets the primary flag of the primary contact; on another contact primary: false changes nothing', () => {
      spec.given([addedJoana, joanaPrimary, addedPedro]).when(edit(joana, { primary: false })).then([{ type: 'PrimaryContactUnset', data: { customerId, contactId: joana } }]);
      spec.given([addedJoana, joanaPrimary, addedPedro]).when(edit(pedro, { primary: false })).then([]);
    });

    it('edits the details and the flag in one command', () => {
      spec.given([addedPedro]).when(edit(pedro, { email: 'pedro@pao.com.br', primary: true })).then([
        { type: 'ContactEdited', data: { customerId, contactId: pedro, name: 'Pedro Souza', email: 'pedro@pao.com.br', phones: [] } },
        { type: 'PrimaryContactSet', data: { customerId, contactId: pedro } },
      ]);
    });

    it.each([
      ['a blank name', { name: ' ' }, 'name'],
      ['a role too long', { role: 'x'.repeat(CONTACT_ROLE_MAX + 1) }, 'role'],
    ])('refuses %s, naming the field', (_case, changes, field) => {
      spec.given([addedJoana]).when(edit(joana, changes)).thenThrows({ kind: 'invalid', field });
    });

    it('refuses an unknown or removed contact, and an unknown customer, with 404', () => {
      spec.given([addedJoana]).when(edit(pedro, { name: 'Pedro' })).thenThrows({ kind: 'not_found', code: 'contact_not_found' });
      spec.given([addedJoana, { type: 'ContactRemoved', data: { customerId, contactId: joana } }]).when(edit(joana, { name: 'Joana' })).thenThrows({ kind: 'not_found', code: 'contact_not_found' });
      spec.given([addedJoana]).when(edit(joana, { name: 'Joana' }, false)).thenThrows({ kind: 'not_found', code: 'customer_not_found' });
    });
  });

  describe('RemoveContact', () => {
    it('removes a contact; a removed primary contact leaves the customer without one', () => {
      const removed: CustomerContactEvent = { type: 'ContactRemoved', data: { customerId, contactId: joana } };
      spec.given([addedJoana, joanaPrimary]).when(remove(joana)).then([removed]);
      // Pedro becomes primary with no former one to unset.
      spec.given([addedJoana, joanaPrimary, addedPedro, removed]).when(edit(pedro, { primary: true })).then([{ type: 'PrimaryContactSet', data: { customerId, contactId: pedro } }]);
    });

    it('refuses a contact removed already, or never added, with 404', () => {
      spec.given([addedJoana, { type: 'ContactRemoved', data: { customerId, contactId: joana } }]).when(remove(joana)).thenThrows({ kind: 'not_found', code: 'contact_not_found' });
      spec.given([]).when(remove(pedro)).thenThrows({ kind: 'not_found', code: 'contact_not_found' });
    });
  });
});
