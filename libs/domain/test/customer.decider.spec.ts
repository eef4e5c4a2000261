import { customerDecider, type CustomerEvent } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(customerDecider);
const id = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  data: { customerId: id, name: 'Ana Souza', phones: ['+55 11 99999-0000'], email: 'ana@example.com' },
};

describe('customer decider', () => {
  describe('RegisterCustomer (T1)', () => {
    it('registers a new customer with de-duplicated phones and origin', () => {
      spec
        .given([])
        .when({
          type: 'RegisterCustomer',
          customerId: id,
          data: { name: 'Ana Souza', phones: [' +55 11 1 ', '+55 11 1', '+55 11 2'] },
          temperature: 'warm',
          origin: { entryMethod: 'chatbot', medium: { campaign: 'spring' } },
        })
        .then([
          {
            type: 'CustomerRegistered',
            data: {
              customerId: id,
              name: 'Ana Souza',
              phones: ['+55 11 1', '+55 11 2'],
              temperature: 'warm',
              origin: { entryMethod: 'chatbot', medium: { campaign: 'spring' } },
            },
          },
        ]);
    });

    it('refuses to register the same customer twice', () => {
      spec
        .given([registered])
        .when({ type: 'RegisterCustomer', customerId: id, data: { name: 'Other', phones: [] } })
        .thenThrows({ kind: 'conflict', code: 'customer_exists' });
    });
  });

  describe('EditCustomerData (T2)', () => {
    it('records each changed field with its old and new value', () => {
      spec
        .given([registered])
        .when({ type: 'EditCustomerData', customerId: id, changes: { name: 'Ana S. Souza', email: null, channel: 'site' } })
        .then([
          {
            type: 'CustomerDataEdited',
            data: {
              customerId: id,
              changes: [
                { field: 'name', from: 'Ana Souza', to: 'Ana S. Souza' },
                { field: 'email', from: 'ana@example.com' },
                { field: 'channel', to: 'site' },
              ],
            },
          },
        ]);
    });

    it('appends nothing when no field actually changes', () => {
      spec.given([registered]).when({ type: 'EditCustomerData', customerId: id, changes: { name: 'Ana Souza', phones: ['+55 11 99999-0000'] } }).then([]);
    });

    it('sees earlier edits when folding', () => {
      const edited: CustomerEvent = { type: 'CustomerDataEdited', data: { customerId: id, changes: [{ field: 'name', from: 'Ana Souza', to: 'Ana B' }] } };
      spec
        .given([registered, edited])
        .when({ type: 'EditCustomerData', customerId: id, changes: { name: 'Ana C' } })
        .then([{ type: 'CustomerDataEdited', data: { customerId: id, changes: [{ field: 'name', from: 'Ana B', to: 'Ana C' }] } }]);
    });

    it('refuses to clear the name', () => {
      spec.given([registered]).when({ type: 'EditCustomerData', customerId: id, changes: { name: null } }).thenThrows({ kind: 'invalid', field: 'name' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'EditCustomerData', customerId: id, changes: { name: 'X' } }).thenThrows({ kind: 'not_found' });
    });
  });
});
