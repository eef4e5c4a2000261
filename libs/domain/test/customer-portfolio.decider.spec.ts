import { customerDecider, fold, isOutOfPortfolios, NON_CUSTOMER_NOTE_MAX, type CustomerEvent, type NonCustomerKind, type PortfolioException } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(customerDecider);
const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';

const registered: CustomerEvent = { type: 'CustomerRegistered', data: { customerId, name: 'Ana Souza', phones: [], brokerId: 'u7' } };
const deleted: CustomerEvent = { type: 'CustomerDeleted', data: { customerId } };
const marked = (kind: NonCustomerKind, note?: string, fromKind?: NonCustomerKind): CustomerEvent => ({
  type: 'MarkedAsNonCustomer',
  data: { customerId, kind, ...(note !== undefined ? { note } : {}), ...(fromKind !== undefined ? { fromKind } : {}) },
});
const unmarked = (kind: NonCustomerKind): CustomerEvent => ({ type: 'UnmarkedAsNonCustomer', data: { customerId, kind } });
const set = (exception: PortfolioException): CustomerEvent => ({ type: 'PortfolioExceptionSet', data: { customerId, exception } });
const cleared = (exception: PortfolioException): CustomerEvent => ({ type: 'PortfolioExceptionCleared', data: { customerId, exception } });

describe('non-customer (T9)', () => {
  it('marks a customer with a kind and a note, trimmed', () => {
    spec.given([registered]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'supplier', note: '  Fornece os móveis \n' }).then([marked('supplier', 'Fornece os móveis')]);
  });

  it('takes no note, and a blank note as none', () => {
    spec.given([registered]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'test' }).then([marked('test')]);
    spec.given([registered]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'test', note: ' \n\t ' }).then([marked('test')]);
  });

  it('appends nothing for the same kind and note again, the note compared trimmed', () => {
    spec.given([registered, marked('employee', 'Corretora')]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'employee', note: ' Corretora ' }).then([]);
    spec.given([registered, marked('test')]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'test', note: '' }).then([]);
  });

  it('changes the kind or the note of a non-customer, naming the kind it had', () => {
    spec.given([registered, marked('test', 'Treino')]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'employee', note: 'Treino' }).then([marked('employee', 'Treino', 'test')]);
    spec.given([registered, marked('test', 'Treino')]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'test' }).then([marked('test', undefined, 'test')]);
  });

  it('takes NON_CUSTOMER_NOTE_MAX characters once trimmed, and refuses one more, naming note', () => {
    const longest = 'x'.repeat(NON_CUSTOMER_NOTE_MAX);
    spec.given([registered]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'other', note: ` ${longest} ` }).then([marked('other', longest)]);
    spec.given([registered]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'other', note: `${longest}y` }).thenThrows({ kind: 'invalid', field: 'note' });
  });

  it('refuses a kind it does not know, naming kind', () => {
    spec.given([registered]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'friend' as NonCustomerKind }).thenThrows({ kind: 'invalid', field: 'kind' });
  });

  it('undoes the marking, naming the kind it had; a customer not marked appends nothing', () => {
    spec.given([registered, marked('supplier'), marked('test', undefined, 'supplier')]).when({ type: 'UnmarkAsNonCustomer', customerId }).then([unmarked('test')]);
    spec.given([registered]).when({ type: 'UnmarkAsNonCustomer', customerId }).then([]);
    spec.given([registered, marked('test'), unmarked('test')]).when({ type: 'UnmarkAsNonCustomer', customerId }).then([]);
  });

  it('marks again after an undo, as a first marking', () => {
    spec.given([registered, marked('test'), unmarked('test')]).when({ type: 'MarkAsNonCustomer', customerId, kind: 'test' }).then([marked('test')]);
  });
});

describe('portfolio exceptions (T12)', () => {
  it('sets an exception; one that holds appends nothing, another one is added', () => {
    spec.given([registered]).when({ type: 'SetPortfolioException', customerId, exception: 'deny_list' }).then([set('deny_list')]);
    spec.given([registered, set('deny_list')]).when({ type: 'SetPortfolioException', customerId, exception: 'deny_list' }).then([]);
    spec.given([registered, set('deny_list')]).when({ type: 'SetPortfolioException', customerId, exception: 'expired' }).then([set('expired')]);
  });

  it('clears an exception that holds; one that does not appends nothing', () => {
    spec.given([registered, set('expired'), set('active_offer')]).when({ type: 'ClearPortfolioException', customerId, exception: 'expired' }).then([cleared('expired')]);
    spec.given([registered, set('active_offer')]).when({ type: 'ClearPortfolioException', customerId, exception: 'expired' }).then([]);
    spec.given([registered, set('expired'), cleared('expired')]).when({ type: 'ClearPortfolioException', customerId, exception: 'expired' }).then([]);
  });

  it('refuses an exception it does not know, naming exception', () => {
    spec.given([registered]).when({ type: 'SetPortfolioException', customerId, exception: 'vip' as PortfolioException }).thenThrows({ kind: 'invalid', field: 'exception' });
    spec.given([registered]).when({ type: 'ClearPortfolioException', customerId, exception: 'vip' as PortfolioException }).thenThrows({ kind: 'invalid', field: 'exception' });
  });
});

describe('portfolio membership of the state (T9, T12)', () => {
  const state = (events: CustomerEvent[]) => fold(customerDecider, events);

  it('is out of every portfolio while marked as non-customer or while an exception holds', () => {
    expect(isOutOfPortfolios(state([registered]))).toBe(false);
    expect(isOutOfPortfolios(state([registered, marked('test')]))).toBe(true);
    expect(isOutOfPortfolios(state([registered, marked('test'), unmarked('test')]))).toBe(false);
    expect(isOutOfPortfolios(state([registered, set('expired'), set('deny_list'), cleared('expired')]))).toBe(true);
    expect(isOutOfPortfolios(state([registered, set('expired'), cleared('expired')]))).toBe(false);
    expect(isOutOfPortfolios(state([]))).toBe(false);
  });

  it('holds the note until the customer is erased, then the placeholder', () => {
    const erased = state([registered, marked('employee', 'Mora na Rua Secreta'), deleted]);
    expect(erased.exists && erased.nonCustomer).toEqual({ kind: 'employee', note: '[dado removido]' });
  });
});

describe('refusals common to the customer commands', () => {
  it.each([
    [{ type: 'MarkAsNonCustomer', customerId, kind: 'test' }],
    [{ type: 'UnmarkAsNonCustomer', customerId }],
    [{ type: 'SetPortfolioException', customerId, exception: 'expired' }],
    [{ type: 'ClearPortfolioException', customerId, exception: 'expired' }],
  ] as const)('%o: 404 for an unknown customer, 409 for a deleted one', (command) => {
    spec.given([]).when(command).thenThrows({ kind: 'not_found' });
    spec.given([registered, deleted]).when(command).thenThrows({ kind: 'conflict', code: 'customer_deleted' });
  });
});
