import { binaryEvent, EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import {
  comparePositions,
  EventStoreDbEventStore,
  type EventData,
  type EventStoreDbOptions,
  type Position,
  type Subscription,
  type SubscriptionItem,
} from '@trilha/event-store';
import { startEventStoreDbDouble, type EventStoreDbDouble } from '@trilha/testing';
import { v4 as uuid } from 'uuid';

/**
 * What the EventStoreDB adapter does beyond the shared contract: it hides EventStoreDB's own
 * records, pages through `$all`, passes the server's checkpoints on, probes the tail of an idle
 * subscription, and shuts down cleanly. Each test gets its own double, so `$all` holds only
 * what the test wrote.
 */

let double: EventStoreDbDouble;
let raw: EventStoreDBClient;
let store: EventStoreDbEventStore;
let others: EventStoreDbEventStore[];
let subscriptions: Subscription[];

beforeEach(async () => {
  double = await startEventStoreDbDouble();
  raw = EventStoreDBClient.connectionString(double.url);
  store = new EventStoreDbEventStore(double.url);
  others = [];
  subscriptions = [];
});
afterEach(async () => {
  await Promise.all(subscriptions.map((subscription) => subscription.close()));
  await Promise.all([store, ...others].map((s) => s.close()));
  await raw.dispose();
  await double.stop();
});

const event = (type = 'Tested'): EventData => ({ id: uuid(), type, data: {} });
const events = (count: number, type = 'Tested') => Array.from({ length: count }, () => event(type));
const subscribe = (...args: Parameters<EventStoreDbEventStore['subscribeAll']>) => {
  const subscription = store.subscribeAll(...args);
  subscriptions.push(subscription);
  return { subscription, iterator: subscription[Symbol.asyncIterator]() };
};
const pullUntilCaughtUp = async (iterator: AsyncIterator<SubscriptionItem>) => {
  const items: SubscriptionItem[] = [];
  while (!items.some((item) => item.kind === 'caughtUp')) {
    const next = await iterator.next();
    if (next.done) throw new Error('The subscription ended');
    items.push(next.value);
  }
  return items;
};
const kinds = (items: SubscriptionItem[]) => items.map((item) => item.kind);
const eventIds = (items: SubscriptionItem[]) => items.flatMap((item) => (item.kind === 'event' ? [item.event.id] : []));
const checkpoints = (items: SubscriptionItem[]) => items.flatMap((item) => (item.kind === 'checkpoint' ? [item.position] : []));
const pullUntil = async (iterator: AsyncIterator<SubscriptionItem>, done: (items: SubscriptionItem[]) => boolean) => {
  const items: SubscriptionItem[] = [];
  while (!done(items)) {
    const next = await iterator.next();
    if (next.done) throw new Error('The subscription ended');
    items.push(next.value);
  }
  return items;
};

/** Another store over the same double, closed after the test. */
const storeWith = (connection: string | EventStoreDBClient, options?: EventStoreDbOptions) => {
  const other = new EventStoreDbEventStore(connection, options);
  others.push(other);
  return other;
};

/**
 * A store whose client runs `hook` before the next `$all` read once armed. Only a subscription's
 * tail probe reads `$all` through it in these tests (appends and checks go through `store`).
 */
const storeWithHookedReads = () => {
  const client = EventStoreDBClient.connectionString(double.url);
  const readAll = client.readAll.bind(client);
  let armed: (() => Promise<void>) | undefined;
  client.readAll = ((...args: Parameters<EventStoreDBClient['readAll']>) => {
    const hook = armed;
    armed = undefined;
    if (!hook) return readAll(...args);
    return (async function* () {
      await hook();
      yield* readAll(...args);
    })();
  }) as EventStoreDBClient['readAll'];
  return { store: storeWith(client), arm: (hook: () => Promise<void>) => (armed = hook) };
};

describe('system records', () => {
  /** A user event between two records of the kinds EventStoreDB writes for itself. */
  const appendAmongSystemRecords = async () => {
    await raw.appendToStream('$settings', jsonEvent({ type: '$settings', data: {} }));
    const user = event();
    const { position } = await store.append('customer-1', [user], 'noStream');
    await raw.appendToStream('$stats-node', jsonEvent({ type: '$statsCollected', data: {} }));
    await raw.appendToStream('customer-1-audit', jsonEvent({ type: '$metadata', data: {} }));
    return { user, position };
  };

  it('are left out of readAll, subscribeAll and headPosition', async () => {
    const { user, position } = await appendAmongSystemRecords();

    expect((await store.readAll()).map((e) => e.id)).toEqual([user.id]);
    expect(await store.headPosition()).toEqual(position);
    const items = await pullUntilCaughtUp(subscribe().iterator);
    expect(items.flatMap((item) => (item.kind === 'event' ? [item.event.id] : []))).toEqual([user.id]);
  });

  it('are skipped by headPosition however many follow the last user event', async () => {
    const { position } = await appendAmongSystemRecords();
    for (let i = 0; i < 3; i++) {
      await raw.appendToStream(
        '$stats-node',
        Array.from({ length: 30 }, () => jsonEvent({ type: '$statsCollected', data: {} })),
      );
    }
    expect(await store.headPosition()).toEqual(position);
  });

  it('leave an empty head when nothing else is stored', async () => {
    await raw.appendToStream('$settings', jsonEvent({ type: '$settings', data: {} }));
    expect(await store.headPosition()).toBeUndefined();
  });
});

describe('readAll', () => {
  it('pages through $all beyond one read call', async () => {
    const appended = events(600);
    for (let i = 0; i < appended.length; i += 100) await store.append(`s-${i}`, appended.slice(i, i + 100), 'noStream');

    const all = await store.readAll();
    expect(all.map((e) => e.id)).toEqual(appended.map((e) => e.id));
    expect((await store.readAll({ limit: 550 })).map((e) => e.id)).toEqual(appended.slice(0, 550).map((e) => e.id));
    const afterFirstPage = await store.readAll({ fromPosition: all[519].position });
    expect(afterFirstPage.map((e) => e.id)).toEqual(appended.slice(520).map((e) => e.id));
  });

  it('matches event types exactly, even with regex characters in them', async () => {
    const dotted = event('Price.Changed');
    await store.append('s', [dotted, event('PriceXChanged')], 'noStream');

    expect((await store.readAll({ filter: { eventTypes: ['Price.Changed'] } })).map((e) => e.id)).toEqual([dotted.id]);
    const { iterator } = subscribe({ filter: { eventTypes: ['Price.Changed'] } });
    const items = await pullUntilCaughtUp(iterator);
    expect(items.flatMap((item) => (item.kind === 'event' ? [item.event.id] : []))).toEqual([dotted.id]);
  });

  it('reads events that another writer stored as JSON bytes without marking them as JSON', async () => {
    await raw.appendToStream('s', binaryEvent({ type: 'Legacy', data: Buffer.from('{"old":true}') }));
    const [stored] = await store.readAll();
    expect(stored.data).toEqual({ old: true });
    expect(stored.metadata).toEqual({});
  });
});

describe('subscribeAll', () => {
  it('passes on the checkpoints the server sends over a filtered-out tail', async () => {
    const withoutProbe = storeWith(double.url, { tailProbe: false });
    const subscription = withoutProbe.subscribeAll({ filter: { streamPrefixes: ['wanted-'] } });
    subscriptions.push(subscription);
    const iterator = subscription[Symbol.asyncIterator]();
    await pullUntilCaughtUp(iterator);
    await store.append('other', events(40), 'noStream');
    const all = await store.readAll();

    // The server checkpoints every 32 scanned events (its default search window).
    const next = await iterator.next();
    expect(next.value).toEqual({ kind: 'checkpoint', position: all[31].position });
  });

  it('says caughtUp at the last position it has seen', async () => {
    await store.append('s', events(2), 'noStream');
    const [, last] = await store.readAll();
    const items = await pullUntilCaughtUp(subscribe().iterator);
    expect(kinds(items)).toEqual(['event', 'event', 'caughtUp']);
    expect(items[2]).toEqual({ kind: 'caughtUp', position: last.position });
  });

  it('ends the subscriptions still open when the store closes', async () => {
    const { iterator } = subscribe();
    await pullUntilCaughtUp(iterator);
    const pending = iterator.next();
    await store.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });

  it('fails the iteration when the server goes away', async () => {
    const { iterator } = subscribe();
    await pullUntilCaughtUp(iterator);
    const pending = iterator.next();
    await double.stop();
    await expect(pending).rejects.toThrow();
  });
});

describe('the tail probe of an idle subscription', () => {
  const isAtOrPast = (position: Position | undefined) => (p: Position) => position !== undefined && comparePositions(p, position) >= 0;

  it('reports the tail up to its last user event, not the system records after it', async () => {
    const { iterator } = subscribe({ filter: { streamPrefixes: ['wanted-'] } });
    await pullUntilCaughtUp(iterator);
    await store.append('other', events(2), 'noStream');
    await raw.appendToStream('$stats-node', jsonEvent({ type: '$statsCollected', data: {} }));

    expect((await iterator.next()).value).toEqual({ kind: 'checkpoint', position: await store.headPosition() });
  });

  it('reports no checkpoint past a matching event it has not delivered yet', async () => {
    const { store: probed, arm } = storeWithHookedReads();
    const subscription = probed.subscribeAll({ filter: { streamPrefixes: ['wanted-'] } });
    subscriptions.push(subscription);
    const iterator = subscription[Symbol.asyncIterator]();
    await pullUntilCaughtUp(iterator);
    await store.append('other', events(3), 'noStream');

    // Appended while the probe is reading: the subscription takes nothing from the server
    // until the probe ends, so the wanted event cannot have been delivered yet.
    const wanted = event();
    let wantedAt: Position | undefined;
    let lastAt: Position | undefined;
    arm(async () => {
      wantedAt = (await store.append('wanted-1', [wanted], 'noStream')).position;
      lastAt = (await store.append('other', events(2), 2n)).position;
    });

    const first = await pullUntil(
      iterator,
      (items) => eventIds(items).length > 0 || checkpoints(items).some(isAtOrPast(wantedAt)),
    );
    expect(wantedAt).toBeDefined();
    expect(eventIds(first)).toEqual([wanted.id]);
    expect(checkpoints(first).filter(isAtOrPast(wantedAt))).toEqual([]);

    const rest = await pullUntil(iterator, (items) => checkpoints(items).some(isAtOrPast(lastAt)));
    expect(eventIds(rest)).toEqual([]);
    expect(checkpoints(rest)).toContainEqual(lastAt);
  });

  it('lets close() end a pending next() while a probe is reading', async () => {
    const { store: probed, arm } = storeWithHookedReads();
    const subscription = probed.subscribeAll({ filter: { streamPrefixes: ['wanted-'] } });
    subscriptions.push(subscription);
    const iterator = subscription[Symbol.asyncIterator]();
    await pullUntilCaughtUp(iterator);

    let probing!: () => void;
    const probeStarted = new Promise<void>((resolve) => (probing = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    arm(async () => {
      probing();
      await held;
    });

    const pending = iterator.next();
    await probeStarted;
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    release();
  });

  it('fails the iteration when a probe cannot read', async () => {
    const { store: probed, arm } = storeWithHookedReads();
    const subscription = probed.subscribeAll({ filter: { streamPrefixes: ['wanted-'] } });
    subscriptions.push(subscription);
    const iterator = subscription[Symbol.asyncIterator]();
    await pullUntilCaughtUp(iterator);

    arm(() => Promise.reject(new Error('the read went wrong')));
    await expect(iterator.next()).rejects.toThrow('the read went wrong');
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('refuses settings that would probe without waiting', () => {
    expect(() => new EventStoreDbEventStore(double.url, { tailProbe: { idleMs: 0 } })).toThrow(RangeError);
    expect(() => new EventStoreDbEventStore(double.url, { tailProbe: { idleMs: 200, maxIdleMs: 100 } })).toThrow(RangeError);
  });
});

describe('construction and append', () => {
  it('works over a client built elsewhere', async () => {
    const other = new EventStoreDbEventStore(EventStoreDBClient.connectionString(double.url));
    try {
      const appended = event();
      await other.append('s', [appended], 'noStream');
      expect((await store.readStream('s')).map((e) => e.id)).toEqual([appended.id]);
    } finally {
      await other.close();
    }
  });

  it('refuses an empty batch, like the other adapters', async () => {
    await expect(store.append('s', [], 'any')).rejects.toBeInstanceOf(RangeError);
  });
});
