import { v4 as uuid } from 'uuid';
import { ConcurrencyError, InMemoryEventStore, SqliteEventStore, type EventData, type EventStore } from '@trilha/event-store';

/**
 * What the embedded adapters do with event ids beyond the contract: an id is stored once. The
 * exact retry of an append is a no-op (contract); any other reuse of a stored id is refused.
 */
describe.each([
  ['InMemoryEventStore', () => new InMemoryEventStore()],
  ['SqliteEventStore', () => new SqliteEventStore(':memory:')],
] as [string, () => EventStore][])('%s event ids', (_label, make) => {
  let store: EventStore;
  beforeEach(() => {
    store = make();
  });
  afterEach(() => store.close());

  const event = (): EventData => ({ id: uuid(), type: 'Tested', data: {} });
  const idsOf = async (stream: string) => (await store.readStream(stream)).map((e) => e.id);

  it('answers a retry with the original revision and position', async () => {
    const batch = [event(), event()];
    const original = await store.append('s', batch, 'noStream');
    await store.append('s', [event()], 1n);

    expect(await store.append('s', batch, 'noStream')).toEqual(original);
    expect(await store.append('s', batch, 'any')).toEqual(original);
    expect(await store.append('s', batch, 'streamExists')).toEqual(original);
    expect(await idsOf('s')).toHaveLength(3);
  });

  it('refuses a stored id in a batch that is not a retry of its append, appending nothing', async () => {
    const stored = event();
    await store.append('s', [stored], 'noStream');

    await expect(store.append('s', [stored, event()], 0n)).rejects.toThrow(`Event id ${stored.id} is already stored`);
    await expect(store.append('s', [event(), stored], 0n)).rejects.toThrow(`Event id ${stored.id} is already stored`);
    await expect(store.append('t', [stored], 'noStream')).rejects.toThrow(`Event id ${stored.id} is already stored`);
    expect(await idsOf('s')).toEqual([stored.id]);
    expect(await idsOf('t')).toEqual([]);
  });

  it('reports a stale expected revision as a conflict even when the ids are stored', async () => {
    const stored = event();
    await store.append('s', [stored], 'noStream');
    await store.append('s', [event()], 0n);

    await expect(store.append('s', [stored], 0n)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append('s', [stored], 1n)).rejects.toThrow('already stored');
  });

  it('refuses the same id twice in one batch, appending nothing', async () => {
    const twice = event();
    await expect(store.append('s', [twice, twice], 'noStream')).rejects.toThrow('appears twice');
    expect(await idsOf('s')).toEqual([]);
  });

  it('refuses an empty batch', async () => {
    await expect(store.append('s', [], 'any')).rejects.toBeInstanceOf(RangeError);
  });
});
