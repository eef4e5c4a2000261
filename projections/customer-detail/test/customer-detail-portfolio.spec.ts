import { customerStreamId, ERASED_TEXT, type DomainEvent } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { CUSTOMERS_COLLECTION, customerDetailProjection, type CustomerDetailDocument } from '@trilha/projections/customer-detail';
import { IN_A_PORTFOLIO } from '../../out-of-portfolio';
import { recordMarkerStory } from '../../test/marker-story';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
const caio = '8b3f4d30-2e9c-4f70-9c74-8c3b5e3b1a23';

const on = (customerId: string, event: DomainEvent): [string, DomainEvent] => [customerStreamId(customerId), event];
const registered = (customerId: string, name: string) => on(customerId, { type: 'CustomerRegistered', data: { customerId, name, phones: [], brokerId: 'u7' } });

/** Ana: marked, her kind changed, her note dropped. Bia: two exceptions, one cleared. Caio: marked, then a customer again. */
const STORY: Array<[string, DomainEvent]> = [
  registered(ana, 'Ana'),
  registered(bia, 'Bia'),
  registered(caio, 'Caio'),
  on(ana, { type: 'MarkedAsNonCustomer', data: { customerId: ana, kind: 'test', note: 'Cadastro do treinamento' } }),
  on(ana, { type: 'MarkedAsNonCustomer', data: { customerId: ana, kind: 'employee', note: 'Corretora da equipe Norte', fromKind: 'test' } }),
  on(bia, { type: 'PortfolioExceptionSet', data: { customerId: bia, exception: 'deny_list' } }),
  on(bia, { type: 'PortfolioExceptionSet', data: { customerId: bia, exception: 'expired' } }),
  on(bia, { type: 'PortfolioExceptionCleared', data: { customerId: bia, exception: 'deny_list' } }),
  on(caio, { type: 'MarkedAsNonCustomer', data: { customerId: caio, kind: 'supplier' } }),
  on(caio, { type: 'UnmarkedAsNonCustomer', data: { customerId: caio, kind: 'supplier' } }),
];

/** The story's instant of its `i`-th event (recordMarkerStory: one a minute). */
const minute = (i: number) => new Date(Date.UTC(2026, 0, 15, 12, i)).toISOString();

describe('customer detail projection: non-customer (T9) and portfolio exceptions (T12)', () => {
  const projection = projectionInMemory(customerDetailProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordMarkerStory(customerDetailProjection.filter, STORY);
  });

  const { feed } = projection;
  const customers = () => projection.readStore.collection<CustomerDetailDocument>(CUSTOMERS_COLLECTION);
  const doc = async (id: string) => (await customers().findOne({ _id: id }))!;
  const portfolioFields = async () =>
    Object.fromEntries((await customers().find({})).map((c) => [c._id, { nonCustomer: c.nonCustomer, portfolioExceptions: c.portfolioExceptions, outOfPortfolio: c.outOfPortfolio }]));

  it('keeps the non-customer’s kind and note, and since when it is one: a change of kind keeps `since`', async () => {
    await feed(events);
    expect((await doc(ana)).nonCustomer).toEqual({ kind: 'employee', note: 'Corretora da equipe Norte', since: minute(3) });
    expect((await doc(ana)).outOfPortfolio).toEqual(['non_customer']);
  });

  it('drops the note when a later marking has none', async () => {
    await feed(await recordMarkerStory(customerDetailProjection.filter, [...STORY, on(ana, { type: 'MarkedAsNonCustomer', data: { customerId: ana, kind: 'employee', fromKind: 'employee' } })]));
    expect((await doc(ana)).nonCustomer).toEqual({ kind: 'employee', since: minute(3) });
  });

  it('keeps the exceptions that hold, each with its time; an undone marking leaves nothing behind', async () => {
    await feed(events);
    const fields = await portfolioFields();
    expect(fields[bia]).toEqual({ nonCustomer: undefined, portfolioExceptions: { expired: { since: minute(6) } }, outOfPortfolio: ['expired'] });
    expect(fields[caio]).toEqual({ nonCustomer: undefined, portfolioExceptions: undefined, outOfPortfolio: [] });
  });

  it('lets a list find the customers in a portfolio: a reason listed leaves one out, an emptied list does not', async () => {
    await feed(events);
    expect((await customers().find({ brokerId: 'u7', ...IN_A_PORTFOLIO })).map((c) => c._id)).toEqual([caio]);
    // A customer never marked has no field at all.
    await projection.reset();
    await feed(await recordMarkerStory(customerDetailProjection.filter, [registered(ana, 'Ana')]));
    expect((await doc(ana)).outOfPortfolio).toBeUndefined();
    expect((await customers().find(IN_A_PORTFOLIO)).map((c) => c._id)).toEqual([ana]);
  });

  it('erases the note with the customer, and keeps the rest', async () => {
    await feed(await recordMarkerStory(customerDetailProjection.filter, [...STORY, on(ana, { type: 'CustomerDeleted', data: { customerId: ana } })]));
    expect((await doc(ana)).nonCustomer).toEqual({ kind: 'employee', note: ERASED_TEXT, since: minute(3) });
    expect((await doc(ana)).outOfPortfolio).toEqual(['non_customer']);
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await feed(events);
    const once = await portfolioFields();
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await portfolioFields()).toEqual(once);
  });
});
