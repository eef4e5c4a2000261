import { randomUUID } from 'node:crypto';
import {
  customerJourneyStreamId,
  customerStreamId,
  journeyStreamId,
  managerWalletsStreamId,
  walletNameStreamId,
  walletStreamId,
  type DomainEvent,
} from '@trilha/domain';
import { InMemoryEventStore, type RecordedEvent } from '@trilha/event-store';
import type { Document } from '@trilha/read-store';
import { BOARD_CARDS, BOARD_JOURNEYS, BOARD_WALLETS, walletBoardProjection } from '@trilha/projections/wallet-board';
import { projectionInMemory } from '../../test-support/projection-in-memory';

const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const otherCustomerId = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
const journeyId = '0b6c7a52-6a0e-4d6f-9a0e-1d2c3b4a5f01';
const walletA = '5a0f3a3e-1111-4c1e-8f55-0a1b2c3d4e01';
const walletB = '5a0f3a3e-2222-4c1e-8f55-0a1b2c3d4e02';
const steps = [
  { id: 's1', name: 'Onboarding', milestones: [{ id: 'm1', name: 'Kickoff', days: 2 }] },
  { id: 's2', name: 'Adoção', milestones: [{ id: 'm2', name: 'Uso', days: 10 }] },
];
const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 12, minute)).toISOString();

/** The story as the event store records it, one event per minute, with noise the board ignores. */
async function recordStory(filter = walletBoardProjection.filter): Promise<RecordedEvent[]> {
  const story: [string, DomainEvent][] = [
    [journeyStreamId(journeyId), { type: 'JourneyDefined', data: { journeyId, name: 'Jornada', steps } }],
    [walletNameStreamId('Carteira A'), { type: 'WalletNameReserved', data: { name: 'Carteira A', walletId: walletA } }],
    [walletStreamId(walletA), { type: 'WalletCreated', data: { walletId: walletA, name: 'Carteira A', managerId: 'mgr', journeyId } }],
    [managerWalletsStreamId('mgr'), { type: 'DefaultWalletSet', data: { managerId: 'mgr', walletId: walletA } }],
    [walletStreamId(walletB), { type: 'WalletCreated', data: { walletId: walletB, name: 'Carteira B', managerId: 'mgr' } }],
    [managerWalletsStreamId('mgr'), { type: 'DefaultWalletSet', data: { managerId: 'mgr', walletId: walletB, previousWalletId: walletA } }],
    [customerStreamId(customerId), { type: 'CustomerRegistered', data: { customerId, name: 'Ana Souza', phones: [] } }],
    [customerStreamId(otherCustomerId), { type: 'CustomerRegistered', data: { customerId: otherCustomerId, name: 'Bia', phones: [] } }],
    [customerStreamId(customerId), { type: 'TemperatureChanged', data: { customerId, to: 'hot' } }],
    [customerJourneyStreamId(customerId), { type: 'CustomerPlacedInWallet', data: { customerId, walletId: walletA, journeyId, stepId: 's1' } }],
    [customerJourneyStreamId(customerId), { type: 'MilestoneCompleted', data: { customerId, journeyId, stepId: 's1', milestoneId: 'm1', completedOn: '2026-01-15' } }],
    [customerJourneyStreamId(customerId), { type: 'CustomerStageMoved', data: { customerId, journeyId, fromStepId: 's1', toStepId: 's2' } }],
    [customerStreamId(customerId), { type: 'CustomerDataEdited', data: { customerId, changes: [{ field: 'name', from: 'Ana Souza', to: 'Ana S. Souza' }] } }],
    [customerJourneyStreamId(otherCustomerId), { type: 'CustomerPlacedInWallet', data: { customerId: otherCustomerId, walletId: walletA, journeyId, stepId: 's1' } }],
    [customerJourneyStreamId(otherCustomerId), { type: 'MilestoneCompleted', data: { customerId: otherCustomerId, journeyId, stepId: 's1', milestoneId: 'm1', completedOn: '2026-01-15' } }],
    [customerJourneyStreamId(otherCustomerId), { type: 'CustomerPlacedInWallet', data: { customerId: otherCustomerId, walletId: walletB, fromWalletId: walletA } }],
  ];
  const store = new InMemoryEventStore();
  for (const [i, [stream, event]] of story.entries()) {
    await store.append(stream, [{ id: randomUUID(), type: event.type, data: event.data as Record<string, unknown>, metadata: { occurredAt: at(i) } }], 'any');
  }
  const events = await store.readAll({ filter });
  await store.close();
  return events;
}

describe('wallet board projection (CS5)', () => {
  const projection = projectionInMemory(walletBoardProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await recordStory();
  });

  const { feed } = projection;
  const all = async (): Promise<Record<string, Document[]>> => ({
    journeys: await projection.readStore.collection(BOARD_JOURNEYS).find({}, { sort: { _id: 1 } }),
    wallets: await projection.readStore.collection(BOARD_WALLETS).find({}, { sort: { _id: 1 } }),
    cards: await projection.readStore.collection(BOARD_CARDS).find({}, { sort: { _id: 1 } }),
  });
  const withoutPos = ({ _pos, ...doc }: Document) => doc;

  it('follows journeys, wallets, default wallets and each customer’s place', async () => {
    expect(events.map((e) => e.type)).not.toContain('WalletNameReserved');
    await feed(events);
    const model = await all();
    expect(model.journeys.map(withoutPos)).toEqual([{ _id: journeyId, name: 'Jornada', steps }]);
    expect(model.wallets.map(withoutPos)).toEqual([
      { _id: walletA, name: 'Carteira A', managerId: 'mgr', journeyId, isDefault: false },
      { _id: walletB, name: 'Carteira B', managerId: 'mgr', isDefault: true },
    ]);
    expect(model.cards.map(withoutPos)).toEqual([
      {
        _id: customerId,
        name: 'Ana S. Souza',
        walletId: walletA,
        journeyId,
        stepId: 's2',
        enteredStepAt: at(11),
        isNew: false,
        completed: { m1: '2026-01-15' },
        markers: [],
      },
      // Moved to a wallet without a journey: in the wallet, new, no step, completions dropped.
      { _id: otherCustomerId, name: 'Bia', walletId: walletB, isNew: true, completed: {}, markers: [] },
    ]);
  });

  it('marks a card new only when it was moved from another wallet, until it is worked on', async () => {
    const placed = events.findIndex((e) => e.type === 'CustomerPlacedInWallet');
    await feed(events.slice(0, placed + 1));
    expect((await projection.readStore.collection(BOARD_CARDS).findOne({ _id: customerId }))?.isNew).toBe(false);
    await feed(events);
    const moved = await projection.readStore.collection(BOARD_CARDS).findOne({ _id: otherCustomerId });
    expect(moved?.isNew).toBe(true);
  });

  it('gives the same read model when the same events are fed twice', async () => {
    await feed(events);
    const once = await all();
    await feed(events);
    expect(await all()).toEqual(once);
    // Also one event at a time, the whole story again, then a stale prefix.
    for (const e of events) await feed([e]);
    await feed(events.slice(0, 5));
    expect(await all()).toEqual(once);
  });

  it('leaves out the events of other aggregates on the streams it follows, and writes nothing for one handed to it', async () => {
    expect(events.map((e) => e.type)).not.toContain('TemperatureChanged');
    const temperature = (await recordStory({})).find((e) => e.type === 'TemperatureChanged');
    expect(temperature).toBeDefined();
    expect(walletBoardProjection.handle(temperature!)).toEqual([]);
  });

  it('subscribes to every event type it writes for', async () => {
    const unfiltered = await recordStory({});
    const written = unfiltered.filter((e) => walletBoardProjection.handle(e).length > 0).map((e) => e.type);
    expect(walletBoardProjection.filter?.eventTypes).toEqual(expect.arrayContaining([...new Set(written)]));
  });
});
