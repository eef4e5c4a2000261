import { customerDecider, customerStreamId, UpcasterRegistry, verifyChain, type HashedEvent } from '@trilha/domain';
import { InMemoryEventStore } from '@trilha/event-store/in-memory/in-memory-event-store';
import type { AppendResult, EventData, ExpectedRevision, ReadStreamOptions, RecordedEvent } from '@trilha/event-store';
import { v4 as uuid } from 'uuid';
import { AggregateStateCache } from '../src/commands/aggregate-state-cache';
import type { CommandContext } from '../src/commands/command-context';
import { CommandPipeline } from '../src/commands/command-pipeline';

/** Records where each stream read started, and can let another writer in right before our next append. */
class ObservedStore extends InMemoryEventStore {
  readonly readsFrom: Array<bigint | 'start' | 'end' | undefined> = [];
  private interfering?: EventData;
  interfereOnce(event: EventData) {
    this.interfering = event;
  }
  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.readsFrom.push(options?.from);
    return super.readStream(streamId, options);
  }
  override async append(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    const other = this.interfering;
    this.interfering = undefined;
    if (other) await super.append(streamId, [other], 'any');
    return super.append(streamId, events, expected);
  }
}

const now = new Date('2026-03-01T10:00:00Z');
/** Without a `commandId`, a request without Idempotency-Key (a new command id). */
const context = (commandId?: string): CommandContext => ({
  actor: { id: 'u1', role: 'broker', name: 'Bia', kind: 'user' },
  commandId: commandId ?? uuid(),
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandIdIsNew: commandId === undefined,
});
const hashed = (e: RecordedEvent): HashedEvent => ({ streamId: e.streamId, eventId: e.id, type: e.type, revision: e.revision, data: e.data, metadata: e.metadata });

function setup(cache = new AggregateStateCache()) {
  const store = new ObservedStore();
  const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now, undefined, cache);
  const customerId = uuid();
  const streamId = customerStreamId(customerId);
  const run = (command: Record<string, unknown>, ctx = context()) =>
    pipeline.run({ streamId, aggregateId: customerId, decider: customerDecider, command: { customerId, ...command } as never, context: ctx });
  const register = () => run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
  const temperature = (temperature: string, ctx?: CommandContext) => run({ type: 'ChangeTemperature', temperature }, ctx);
  return { store, pipeline, cache, customerId, streamId, run, register, temperature };
}

describe('The command pipeline’s aggregate state cache', () => {
  it('folds its own appends into the entry, so the next command reads nothing, and decides on the same state as a full read', async () => {
    const { store, streamId, register, temperature } = setup();
    await register();
    await temperature('warm');
    store.readsFrom.length = 0;
    await temperature('hot');
    // The entry holds the command's own append (revision 1): nothing is read (ADR 0026).
    expect(store.readsFrom).toEqual([]);
    const events = await store.readStream(streamId);
    expect(events.map((e) => [e.type, e.data.from, e.data.to])).toEqual([
      ['CustomerRegistered', undefined, undefined],
      ['TemperatureChanged', undefined, 'warm'],
      ['TemperatureChanged', 'warm', 'hot'],
    ]);
    expect(verifyChain(events.map(hashed)).ok).toBe(true);
  });

  it('sees what another writer appended since the cached revision', async () => {
    const { store, streamId, customerId, register, temperature } = setup();
    await register();
    await temperature('warm');
    await store.append(streamId, [{ id: uuid(), type: 'TemperatureChanged', data: { customerId, from: 'warm', to: 'hot' } }], 1n);
    // Already hot: nothing to decide.
    await expect(temperature('hot')).resolves.toMatchObject({ appended: false, revision: '2' });
    await expect(temperature('cold')).resolves.toMatchObject({ appended: true, revision: '3' });
    expect((await store.readStream(streamId))[3].data).toMatchObject({ from: 'hot', to: 'cold' });
  });

  it('answers a repeated command id as the first time once the state is cached, appending nothing', async () => {
    const { store, streamId, register, temperature } = setup();
    await register();
    const ctx = context(uuid());
    const first = await temperature('warm', ctx);
    await temperature('hot');
    const again = await temperature('warm', ctx);
    expect(again).toEqual({ ...first, appended: false });
    expect(await store.readStream(streamId)).toHaveLength(3);
  });

  it('drops the entry on a conflict and retries on the whole stream', async () => {
    const { store, streamId, customerId, register, temperature } = setup();
    await register();
    await temperature('warm');
    store.interfereOnce({ id: uuid(), type: 'TemperatureChanged', data: { customerId, from: 'warm', to: 'cold' } });
    store.readsFrom.length = 0;
    await expect(temperature('hot')).resolves.toMatchObject({ appended: true, revision: '3' });
    // Appended from the cache without a read, refused by the expected revision, retried on the whole stream.
    expect(store.readsFrom).toEqual([undefined]);
    expect((await store.readStream(streamId))[3].data).toMatchObject({ from: 'cold', to: 'hot' });
  });

  it('keeps nothing about a customer once the pipeline appended their CustomerDeleted, and stores no state of them again', async () => {
    const { cache, pipeline, streamId, register, temperature, run } = setup();
    await register();
    await temperature('warm');
    expect(cache.size).toBe(1);
    await run({ type: 'DeleteCustomer' });
    expect(cache.size).toBe(0);
    await pipeline.stateOf(streamId, customerDecider);
    expect(cache.size).toBe(0);
  });

  it('drops a cached state that another writer erased, and folds the stream again from the start', async () => {
    const { cache, store, streamId, customerId, register, temperature } = setup();
    await register();
    await temperature('warm');
    await store.append(streamId, [{ id: uuid(), type: 'CustomerDeleted', data: { customerId } }], 1n);
    store.readsFrom.length = 0;
    await expect(temperature('hot')).rejects.toMatchObject({ code: 'customer_deleted' });
    // The append from the cache conflicts with the CustomerDeleted; the whole stream is then read.
    expect(store.readsFrom).toEqual([undefined]);
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxStreams states, the least recently used dropped first', async () => {
    const cache = new AggregateStateCache({ maxStreams: 2 });
    const first = setup(cache);
    await first.register();
    const second = setup(cache);
    await second.register();
    await second.register().catch(() => undefined); // a refused command still loads the state
    await first.temperature('warm');
    const third = setup(cache);
    await third.register();
    await third.temperature('warm');
    expect(cache.size).toBe(2);
  });

  it('reads the whole stream again once an entry is older than its time to live', async () => {
    let clock = 0;
    const cache = new AggregateStateCache({ ttlMs: 1_000, now: () => clock });
    const { store, register, temperature } = setup(cache);
    await register();
    await temperature('warm');
    clock = 500;
    store.readsFrom.length = 0;
    await temperature('hot');
    clock = 1_001;
    await temperature('cold');
    // Within the TTL the command appends from the cache; after it, the whole stream is read.
    expect(store.readsFrom).toEqual([undefined]);
  });
});
