import { randomUUID } from 'node:crypto';
import { customerStreamId, type CustomerEvent } from '@trilha/domain';
import { InMemoryEventStore, type RecordedEvent } from '@trilha/event-store';
import { CUSTOMERS_COLLECTION, customerDetailProjection } from '@trilha/projections/customer-detail';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const proposalA = '0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';
const proposalB = '1c7d2e3f-4051-4b6c-9d7e-8f90a1b2c3d4';
const broker = { id: 'u7', role: 'broker', name: 'Bruno Corretor', kind: 'user' as const };

/** A customer's story, one event per minute, as the event store records it. */
async function recordStory(): Promise<RecordedEvent[]> {
  const story: CustomerEvent[] = [
    { type: 'CustomerRegistered', data: { customerId, name: 'Ana Souza', phones: ['1'], temperature: 'cold', objective: 'buy' } },
    { type: 'CustomerDataEdited', data: { customerId, changes: [{ field: 'email', to: 'ana@example.com' }] } },
    { type: 'TemperatureChanged', data: { customerId, from: 'cold', to: 'hot' } },
    { type: 'ObjectiveChanged', data: { customerId, from: 'buy', to: 'invest' } },
    { type: 'MomentChanged', data: { customerId, to: { moment: 'research', subMoment: 'first look' } } },
    { type: 'MomentChanged', data: { customerId, from: { moment: 'research', subMoment: 'first look' }, to: { moment: 'decision' } } },
    { type: 'ProductOfInterestChanged', data: { customerId, to: 'apt-301' } },
    { type: 'ProposalRegistered', data: { customerId, proposalId: proposalA, productId: 'apt-301', amountCents: 150050, notes: 'à vista' } },
    { type: 'LeadStatusChanged', data: { customerId, from: 'new', to: 'in_progress' } },
    { type: 'ProposalRegistered', data: { customerId, proposalId: proposalB, productId: 'apt-302', amountCents: 99 } },
    { type: 'DisinterestInformed', data: { customerId, reason: 'Achou caro' } },
    { type: 'LeadStatusChanged', data: { customerId, from: 'in_progress', to: 'no_sale' } },
    { type: 'TemperatureReverted', data: { customerId, from: 'hot', to: 'cold' } },
    { type: 'ProposalMarkedAsSale', data: { customerId, proposalId: proposalA } },
    { type: 'LeadStatusChanged', data: { customerId, from: 'no_sale', to: 'sale' } },
    { type: 'CommentAdded', data: { customerId, commentId: randomUUID(), text: 'Fechou!' } },
  ];
  const store = new InMemoryEventStore();
  for (const [i, event] of story.entries()) {
    const occurredAt = new Date(Date.UTC(2026, 0, 15, 12, i)).toISOString();
    await store.append(customerStreamId(customerId), [{ id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>, metadata: { actor: broker, occurredAt } }], 'any');
  }
  const events = await store.readAll({ filter: customerDetailProjection.filter });
  await store.close();
  return events;
}

describe('customer detail projection', () => {
  const projection = projectionInMemory(customerDetailProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordStory();
  });

  const { feed } = projection;
  const customers = () => projection.readStore.collection(CUSTOMERS_COLLECTION).find({}, { sort: { _id: 1 } });
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 12, minute)).toISOString();

  it('follows the status fields, lead status, proposals and disinterest', async () => {
    await feed(events);
    const [doc] = await customers();
    expect(doc).toEqual({
      _id: customerId,
      id: customerId,
      name: 'Ana Souza',
      phones: ['1'],
      email: 'ana@example.com',
      temperature: 'cold',
      objective: 'invest',
      moment: 'decision',
      productOfInterestId: 'apt-301',
      leadStatus: 'sale',
      proposals: {
        [proposalA]: { id: proposalA, productId: 'apt-301', amount: '1500.50', amountCents: 150050, notes: 'à vista', status: 'sold', createdAt: at(7), soldAt: at(13) },
        [proposalB]: { id: proposalB, productId: 'apt-302', amount: '0.99', amountCents: 99, status: 'open', createdAt: at(9) },
      },
      disinterest: { reason: 'Achou caro', at: at(10), by: { id: 'u7', role: 'broker', name: 'Bruno Corretor' } },
      registeredAt: at(0),
      registeredBy: { id: 'u7', role: 'broker', name: 'Bruno Corretor' },
      updatedAt: at(14),
      revision: '14',
      position: expect.any(String),
      _pos: expect.any(String),
    });
  });

  it('keeps the sub-moment only while the moment has one', async () => {
    const upToFirstMoment = events.slice(0, 5);
    await feed(upToFirstMoment);
    expect((await customers())[0]).toMatchObject({ moment: 'research', subMoment: 'first look' });
    await feed(events.slice(5, 6));
    expect((await customers())[0]).not.toHaveProperty('subMoment');
  });

  it('gives the same read model when the same events are fed twice', async () => {
    await feed(events);
    const once = await customers();
    await feed(events);
    expect(await customers()).toEqual(once);
  });

  it('gives the same read model fed one event at a time, each twice, or replayed from an earlier point', async () => {
    await feed(events);
    const once = await customers();
    await projection.reset();
    for (const event of events) {
      await feed([event]);
      await feed([event]);
    }
    await feed(events.slice(3));
    expect(await customers()).toEqual(once);
  });
});
