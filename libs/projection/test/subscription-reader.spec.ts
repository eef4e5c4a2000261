import { InMemoryEventStore } from '@trilha/event-store';
import { SubscriptionReader } from '@trilha/projection/subscription-reader';
import { thingEvent } from './support/events';

describe('SubscriptionReader', () => {
  let store: InMemoryEventStore;

  beforeEach(() => {
    store = new InMemoryEventStore();
  });
  afterEach(() => store.close());

  it('times out on an idle subscription and still delivers the item that comes later', async () => {
    await store.append('thing-1', [thingEvent(0)], 'noStream');
    const subscription = store.subscribeAll();
    const reader = new SubscriptionReader(subscription);

    expect(await reader.next(50)).toMatchObject({ kind: 'item', item: { kind: 'event', event: { revision: 0n } } });
    expect(await reader.next(50)).toMatchObject({ kind: 'item', item: { kind: 'caughtUp' } });
    expect(await reader.next(5)).toEqual({ kind: 'timeout' });
    expect(await reader.next(5)).toEqual({ kind: 'timeout' });

    await store.append('thing-1', [thingEvent(1)], 0n);
    expect(await reader.next(5_000)).toMatchObject({ kind: 'item', item: { kind: 'event', event: { revision: 1n } } });
    await subscription.close();
  });

  it('ends a waiting read and every later one when interrupted', async () => {
    const subscription = store.subscribeAll();
    const reader = new SubscriptionReader(subscription);
    expect(await reader.next()).toMatchObject({ kind: 'item', item: { kind: 'caughtUp' } });

    const waiting = reader.next();
    reader.interrupt();
    expect(await waiting).toEqual({ kind: 'end' });
    expect(await reader.next()).toEqual({ kind: 'end' });
    await subscription.close();
  });

  it('ends when the subscription is closed', async () => {
    const subscription = store.subscribeAll();
    const reader = new SubscriptionReader(subscription);
    await reader.next();

    const waiting = reader.next();
    await subscription.close();
    expect(await waiting).toEqual({ kind: 'end' });
  });
});
