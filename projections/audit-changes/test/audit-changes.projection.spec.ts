import { randomUUID } from 'node:crypto';
import { customerStreamId, type CustomerEvent } from '@trilha/domain';
import { InMemoryEventStore, type RecordedEvent } from '@trilha/event-store';
import { AUDITED_CUSTOMERS_COLLECTION, auditChangesProjection, CHANGES_COLLECTION, CHANGES_SORT } from '@trilha/projections/audit-changes';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f12';
const broker = { id: 'u7', role: 'broker', name: 'Bruno Corretor', kind: 'user' as const };
const manager = { id: 'u2', role: 'manager', name: 'Marta Gerente', kind: 'user' as const };

type Recorded = { customerId: string; event: CustomerEvent; actor?: typeof broker };

async function record(story: Recorded[]): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  for (const [i, { customerId, event, actor }] of story.entries()) {
    const occurredAt = new Date(Date.UTC(2026, 0, 15, 12, i)).toISOString();
    const metadata = { actor: actor ?? broker, occurredAt };
    await store.append(customerStreamId(customerId), [{ id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>, metadata }], 'any');
  }
  const events = await store.readAll({ filter: auditChangesProjection.filter });
  await store.close();
  return events;
}

const story: Recorded[] = [
  { customerId: ana, event: { type: 'CustomerRegistered', data: { customerId: ana, name: 'Ana', phones: [], temperature: 'cold' } } },
  { customerId: bia, event: { type: 'CustomerRegistered', data: { customerId: bia, name: 'Bia', phones: [] } } },
  {
    customerId: ana,
    event: { type: 'CustomerDataEdited', data: { customerId: ana, changes: [{ field: 'name', from: 'Ana', to: 'Ana Souza' }, { field: 'email', to: 'ana@example.com' }] } },
    actor: manager,
  },
  { customerId: ana, event: { type: 'TemperatureChanged', data: { customerId: ana, from: 'cold', to: 'hot' } } },
  { customerId: bia, event: { type: 'ObjectiveChanged', data: { customerId: bia, to: 'rent' } } },
  { customerId: ana, event: { type: 'TemperatureReverted', data: { customerId: ana, from: 'hot', to: 'cold' } } },
  { customerId: ana, event: { type: 'ObjectiveChanged', data: { customerId: ana, to: 'buy' } } },
  { customerId: ana, event: { type: 'MomentChanged', data: { customerId: ana, to: { moment: 'research', subMoment: 'first look' } } } },
  { customerId: ana, event: { type: 'MomentChanged', data: { customerId: ana, from: { moment: 'research', subMoment: 'first look' }, to: { moment: 'research', subMoment: 'visits' } } } },
  { customerId: ana, event: { type: 'ProductOfInterestChanged', data: { customerId: ana, to: 'apt-301' } } },
  { customerId: ana, event: { type: 'CommentAdded', data: { customerId: ana, commentId: randomUUID(), text: 'not a change' } } },
  { customerId: ana, event: { type: 'LeadStatusChanged', data: { customerId: ana, from: 'new', to: 'no_sale' } } },
];

describe('audit-changes projection', () => {
  const projection = projectionInMemory(auditChangesProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await record(story);
  });

  const { feed } = projection;
  const changesOf = async (customerId: string) =>
    (await projection.readStore.collection(CHANGES_COLLECTION).find({ customerId }, { sort: CHANGES_SORT })).map(({ field, from, to, at, actor }) => ({ field, from, to, at, actor }));
  const allRows = () => projection.readStore.collection(CHANGES_COLLECTION).find({}, { sort: { _id: 1 } });
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 12, minute)).toISOString();
  const by = { id: 'u7', role: 'broker', name: 'Bruno Corretor' };

  it('lists a customer’s data edits field by field and the status changes, newest first', async () => {
    await feed(events);
    expect(await changesOf(ana)).toEqual([
      { field: 'productOfInterestId', from: null, to: 'apt-301', at: at(9), actor: by },
      { field: 'subMoment', from: 'first look', to: 'visits', at: at(8), actor: by },
      { field: 'moment', from: null, to: 'research', at: at(7), actor: by },
      { field: 'subMoment', from: null, to: 'first look', at: at(7), actor: by },
      { field: 'objective', from: null, to: 'buy', at: at(6), actor: by },
      { field: 'temperature', from: 'hot', to: 'cold', at: at(5), actor: by },
      { field: 'temperature', from: 'cold', to: 'hot', at: at(3), actor: by },
      { field: 'name', from: 'Ana', to: 'Ana Souza', at: at(2), actor: { id: 'u2', role: 'manager', name: 'Marta Gerente' } },
      { field: 'email', from: null, to: 'ana@example.com', at: at(2), actor: { id: 'u2', role: 'manager', name: 'Marta Gerente' } },
    ]);
    expect(await changesOf(bia)).toEqual([{ field: 'objective', from: null, to: 'rent', at: at(4), actor: by }]);
  });

  it('keeps each row’s event id, and knows every registered customer', async () => {
    await feed(events);
    const edit = events.find((e) => e.type === 'CustomerDataEdited')!;
    const rows = await projection.readStore.collection(CHANGES_COLLECTION).find({ eventId: edit.id }, { sort: { fieldIndex: 1 } });
    expect(rows.map((r) => r.field)).toEqual(['name', 'email']);
    expect(await projection.readStore.collection(AUDITED_CUSTOMERS_COLLECTION).find({}, { sort: { _id: 1 } })).toEqual([{ _id: ana }, { _id: bia }]);
  });

  it('gives the same read model when the same events are fed twice', async () => {
    await feed(events);
    const once = await allRows();
    const customers = await projection.readStore.collection(AUDITED_CUSTOMERS_COLLECTION).find({});
    await feed(events);
    for (const event of events) await feed([event]);
    expect(await allRows()).toEqual(once);
    expect(await projection.readStore.collection(AUDITED_CUSTOMERS_COLLECTION).find({})).toEqual(customers);
  });
});
