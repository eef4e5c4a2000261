import { v4 as uuid } from 'uuid';
import { InMemoryEventStore, type EventData, type SubscriptionItem } from '@trilha/event-store';

/**
 * The checkpoint and lifecycle details of the embedded adapters' subscription (the contract
 * leaves checkpoints optional). Subscriptions read `$all` in pages of 500.
 */
describe('InMemoryEventStore subscription', () => {
  let store: InMemoryEventStore;
  beforeEach(() => {
    store = new InMemoryEventStore();
  });
  afterEach(() => store.close());

  const events = (count: number, type: string): EventData[] =>
    Array.from({ length: count }, () => ({ id: uuid(), type, data: {} }));
  const pull = async (iterator: AsyncIterator<SubscriptionItem>, count: number) => {
    const items: SubscriptionItem[] = [];
    for (let i = 0; i < count; i++) items.push((await iterator.next()).value as SubscriptionItem);
    return items;
  };
  const at = (n: bigint) => ({ commit: n, prepare: n });
  const summary = (items: SubscriptionItem[]) =>
    items.map((item) =>
      item.kind === 'event' ? `event ${item.event.position.commit}` : `${item.kind} ${item.position?.commit ?? '-'}`,
    );

  it('sends a checkpoint for a filtered-out tail, before caughtUp', async () => {
    await store.append('s', [...events(1, 'Wanted'), ...events(2, 'Other')], 'noStream');
    const iterator = store.subscribeAll({ filter: { eventTypes: ['Wanted'] } })[Symbol.asyncIterator]();
    expect(summary(await pull(iterator, 3))).toEqual(['event 1', 'checkpoint 3', 'caughtUp 3']);
  });

  it('sends a checkpoint per page that ends filtered out', async () => {
    for (let i = 0; i < 12; i++) await store.append(`s${i}`, events(100, 'Other'), 'noStream');
    const iterator = store.subscribeAll({ filter: { eventTypes: ['Wanted'] } })[Symbol.asyncIterator]();
    expect(summary(await pull(iterator, 4))).toEqual(['checkpoint 500', 'checkpoint 1000', 'checkpoint 1200', 'caughtUp 1200']);
  });

  it('sends a checkpoint for a filtered-out live append', async () => {
    const iterator = store.subscribeAll({ filter: { eventTypes: ['Wanted'] } })[Symbol.asyncIterator]();
    expect(await pull(iterator, 1)).toEqual([{ kind: 'caughtUp' }]);
    await store.append('s', events(2, 'Other'), 'noStream');
    expect(await pull(iterator, 1)).toEqual([{ kind: 'checkpoint', position: at(2n) }]);
  });

  it('sends caughtUp with the starting position when nothing follows it', async () => {
    await store.append('s', events(2, 'Other'), 'noStream');
    const iterator = store.subscribeAll({ fromPosition: at(2n) })[Symbol.asyncIterator]();
    expect(await pull(iterator, 1)).toEqual([{ kind: 'caughtUp', position: at(2n) }]);
  });

  it('ends at once when closed before iterating', async () => {
    await store.append('s', events(1, 'Other'), 'noStream');
    const subscription = store.subscribeAll();
    await subscription.close();
    expect(await subscription[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });

  it('does not start over when iterated again after a for-await loop broke out', async () => {
    await store.append('s', events(3, 'Other'), 'noStream');
    const subscription = store.subscribeAll();
    for await (const item of subscription) {
      expect(item.kind).toBe('event');
      break;
    }
    expect(await subscription[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });

  it('hands out copies: changing a delivered event does not change the store', async () => {
    await store.append('s', [{ id: uuid(), type: 'T', data: { n: 1 } }], 'noStream');
    const [read] = await store.readStream('s');
    read.data.n = 2;
    read.position.commit = 99n;
    const [again] = await store.readAll();
    expect(again.data).toEqual({ n: 1 });
    expect(again.position).toEqual(at(1n));
  });
});
