import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuid } from 'uuid';
import { ConcurrencyError, SqliteEventStore, type EventData, type SubscriptionItem } from '@trilha/event-store';

const event = (type = 'Tested'): EventData => ({ id: uuid(), type, data: { note: 'ação' }, metadata: { schemaVersion: 1 } });

describe('SqliteEventStore on a file', () => {
  let dir: string;
  let file: string;
  const stores: SqliteEventStore[] = [];
  const openStore = (pollIntervalMs?: number) => {
    const store = new SqliteEventStore(file, { pollIntervalMs });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trilha-sqlite-'));
    file = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the events across close and reopen, and goes on numbering after them', async () => {
    const first = openStore();
    const appended = [event(), event()];
    await first.append('customer-1', appended, 'noStream');
    const before = await first.readAll();
    await first.close();

    const reopened = openStore();
    expect(await reopened.readAll()).toEqual(before);
    expect((await reopened.readStream('customer-1')).map((e) => e.id)).toEqual(appended.map((e) => e.id));
    expect(await reopened.headPosition()).toEqual({ commit: 2n, prepare: 2n });

    const next = await reopened.append('customer-1', [event()], 1n);
    expect(next).toEqual({ nextExpectedRevision: 2n, position: { commit: 3n, prepare: 3n } });
  });

  it('checks the expected revision against appends made through another connection', async () => {
    const one = openStore();
    const other = openStore();
    await one.append('customer-1', [event()], 'noStream');
    await other.append('customer-1', [event()], 0n);

    await expect(one.append('customer-1', [event()], 0n)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await one.readStream('customer-1')).map((e) => e.revision)).toEqual([0n, 1n]);
  });

  it('delivers to a live subscription the events another connection appends, by polling', async () => {
    const reader = openStore(20);
    const writer = openStore();
    const subscription = reader.subscribeAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caughtUp' });

    const appended = event();
    await writer.append('customer-1', [appended], 'noStream');
    const next = (await iterator.next()).value as SubscriptionItem;
    expect(next.kind === 'event' && next.event.id).toBe(appended.id);
    await subscription.close();
  });

  it('ends its open subscriptions when the store closes', async () => {
    const store = openStore();
    await store.append('customer-1', [event()], 'noStream');
    const iterator = store.subscribeAll()[Symbol.asyncIterator]();
    expect((await iterator.next()).value.kind).toBe('event');
    expect((await iterator.next()).value.kind).toBe('caughtUp');

    const pending = iterator.next();
    await store.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
