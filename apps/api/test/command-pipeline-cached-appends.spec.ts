import { appointmentDecider, appointmentStreamId, customerDecider, customerStreamId, UpcasterRegistry, verifyChain, type HashedEvent } from '@trilha/domain';
import { InMemoryEventStore } from '@trilha/event-store/in-memory/in-memory-event-store';
import { positionToString, type AppendResult, type EventData, type ExpectedRevision, type ReadStreamOptions, type RecordedEvent } from '@trilha/event-store';
import { v4 as uuid } from 'uuid';
import { AggregateStateCache } from '../src/commands/aggregate-state-cache';
import type { CommandContext } from '../src/commands/command-context';
import { CommandPipeline, CONFLICT_RETRIES } from '../src/commands/command-pipeline';
import { commandIdFor } from '../src/commands/deterministic-ids';

/**
 * ADR 0026: a command on a cached stream decides from the cache and appends without reading;
 * only an append (verified by its expected revision) answers from there.
 */

/** Records where each stream read started; can let `times` foreign events in right before our next appends. */
class ObservedStore extends InMemoryEventStore {
  readonly readsFrom: Array<bigint | 'start' | 'end' | undefined> = [];
  private interfering = 0;
  interfere(times: number) {
    this.interfering = times;
  }
  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.readsFrom.push(options?.from);
    return super.readStream(streamId, options);
  }
  override async append(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.interfering > 0) {
      this.interfering -= 1;
      await super.append(streamId, [{ id: uuid(), type: 'Interference', data: {} }], 'any');
    }
    return super.append(streamId, events, expected);
  }
}

const now = new Date('2026-03-01T10:00:00Z');
/** A request without Idempotency-Key (a new command id) unless `extra.commandId` is given. */
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'u1', role: 'admin', name: 'Ana', kind: 'user' },
  commandId: uuid(),
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandIdIsNew: extra.commandId === undefined,
  ...extra,
});
const hashed = (e: RecordedEvent): HashedEvent => ({ streamId: e.streamId, eventId: e.id, type: e.type, revision: e.revision, data: e.data, metadata: e.metadata });

/** Two processes on one store: `pipeline` (whose reads are observed) and `other`, each with its own cache. */
function setup() {
  const store = new ObservedStore();
  const cache = new AggregateStateCache();
  const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now, undefined, cache);
  const other = new CommandPipeline(store, new UpcasterRegistry(), () => now);
  const customerId = uuid();
  const streamId = customerStreamId(customerId);
  const on = (p: CommandPipeline) => (command: Record<string, unknown>, ctx = context()) =>
    p.run({ streamId, aggregateId: customerId, decider: customerDecider, command: { customerId, ...command } as never, context: ctx });
  const run = on(pipeline);
  const byOther = on(other);
  const reads = () => store.readsFrom.splice(0);
  return { store, cache, pipeline, customerId, streamId, run, byOther, reads };
}

describe('Commands appended from the cached state (ADR 0026)', () => {
  it('appends on a cached stream without reading it, sealed onto the tail its own append left, answering what the store holds', async () => {
    const { store, streamId, run, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] }, temperature: 'cold' });
    reads();
    const answers = [];
    for (const temperature of ['warm', 'hot', 'cold', 'warm']) answers.push(await run({ type: 'ChangeTemperature', temperature }));
    // A proposal of a new lead appends two events at once.
    answers.push(await run({ type: 'RegisterProposal', proposalId: uuid(), productId: 'p1', amountCents: 100 }));
    answers.push(await run({ type: 'AddComment', commentId: uuid(), text: 'after two at once' }));
    expect(reads()).toEqual([]);

    const events = await store.readStream(streamId);
    expect(events.map((e) => e.type)).toEqual([
      'CustomerRegistered', 'TemperatureChanged', 'TemperatureChanged', 'TemperatureChanged', 'TemperatureChanged', 'ProposalRegistered', 'LeadStatusChanged', 'CommentAdded',
    ]);
    expect(verifyChain(events.map(hashed))).toMatchObject({ ok: true, verified: 8 });
    const lastOf = (revision: string) => events.find((e) => e.revision === BigInt(revision))!;
    for (const answer of answers) expect(answer.position).toBe(positionToString(lastOf(answer.revision).position));
    expect(answers.map((a) => a.revision)).toEqual(['1', '2', '3', '4', '6', '7']);
  });

  it('folds its own appends to the state a full read folds', async () => {
    const { store, pipeline, streamId, run } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: ['11'], email: 'ana@example.com' }, temperature: 'cold' });
    await run({ type: 'EditCustomerData', changes: { name: 'Ana B', email: null, phones: ['11', '22'] } });
    await run({ type: 'ChangeTemperature', temperature: 'hot' });
    const proposalId = uuid();
    await run({ type: 'RegisterProposal', proposalId, productId: 'p1', amountCents: 100 });
    await run({ type: 'MarkProposalAsSale', proposalId });
    await run({ type: 'InformDisinterest', reason: 'price' });

    const fresh = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    expect(await pipeline.stateOf(streamId, customerDecider)).toStrictEqual(await fresh.stateOf(streamId, customerDecider));
  });

  it('reads the tail before answering a no-op, and appends when another process made it not one', async () => {
    const { store, streamId, run, byOther, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] }, temperature: 'warm' });
    await byOther({ type: 'ChangeTemperature', temperature: 'cold' });
    reads();
    // Warm already, says the cache; cold, says the stream.
    await expect(run({ type: 'ChangeTemperature', temperature: 'warm' })).resolves.toMatchObject({ appended: true, revision: '2' });
    expect(reads()).toEqual([1n]);
    expect((await store.readStream(streamId))[2].data).toMatchObject({ from: 'cold', to: 'warm' });
  });

  it('answers a no-op that holds with the revision and position of the stream’s last event', async () => {
    const { store, streamId, run, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
    await run({ type: 'ChangeTemperature', temperature: 'hot' });
    reads();
    const answer = await run({ type: 'ChangeTemperature', temperature: 'hot' });
    expect(reads()).toEqual([2n]);
    const last = (await store.readStream(streamId))[1];
    expect(answer).toEqual({ id: expect.any(String), revision: '1', position: positionToString(last.position), appended: false });
  });

  it('conflicts on the stale cache when another process appended, and answers no-op on the stream as read', async () => {
    const { store, streamId, run, byOther, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] }, temperature: 'warm' });
    await byOther({ type: 'ChangeTemperature', temperature: 'hot' });
    reads();
    // Not hot, says the cache: the append expecting revision 0 conflicts; the whole stream says hot already.
    await expect(run({ type: 'ChangeTemperature', temperature: 'hot' })).resolves.toMatchObject({ appended: false, revision: '1' });
    expect(reads()).toEqual([undefined]);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('reads the tail before a refusal (409), and decides on what another process appended', async () => {
    const { store, streamId, run, byOther, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] }, temperature: 'cold' });
    await byOther({ type: 'ChangeTemperature', temperature: 'hot' });
    reads();
    // Nothing to revert to, says the cache; hot back to cold, says the stream.
    await expect(run({ type: 'RevertTemperature' })).resolves.toMatchObject({ appended: true, revision: '2' });
    expect(reads()).toEqual([1n]);
    expect((await store.readStream(streamId))[2]).toMatchObject({ type: 'TemperatureReverted' });
  });

  it('reads the tail before a business-rule refusal (422), and refuses only when the stream as read says so', async () => {
    const store = new ObservedStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const other = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const appointmentId = uuid();
    const streamId = appointmentStreamId(appointmentId);
    const on = (p: CommandPipeline) => (command: Record<string, unknown>) =>
      p.run({ streamId, aggregateId: appointmentId, decider: appointmentDecider, command: { appointmentId, ...command } as never, context: context() });
    await on(pipeline)({ type: 'ScheduleAppointment', customerId: uuid(), scheduledFor: '2026-03-10T10:00:00Z', responsibleId: 'u1', kind: 'service' });
    await on(pipeline)({ type: 'ConfirmAppointment' });
    // Another process reschedules: the appointment awaits confirmation again.
    await on(other)({ type: 'RescheduleAppointment', scheduledFor: '2026-03-11T10:00:00Z' });
    store.readsFrom.splice(0);
    await expect(on(pipeline)({ type: 'ConfirmAppointment' })).resolves.toMatchObject({ appended: true, revision: '3' });
    expect(store.readsFrom.splice(0)).toEqual([2n]);
    // Confirmed on the stream too now: the refusal is read, then given.
    await expect(on(pipeline)({ type: 'ConfirmAppointment' })).rejects.toMatchObject({ kind: 'rejected', code: 'appointment_already_confirmed' });
    expect(store.readsFrom.splice(0)).toEqual([4n]);
  });

  it('reads the tail when the client sent If-Match, and refuses a stale one the cache would have taken', async () => {
    const { store, streamId, run, byOther, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
    await byOther({ type: 'ChangeTemperature', temperature: 'hot' });
    reads();
    await expect(run({ type: 'ChangeTemperature', temperature: 'cold' }, context({ expectedRevision: 0n }))).rejects.toThrow(/is at revision 1, not 0/);
    expect(reads()).toEqual([1n]);
    await expect(run({ type: 'ChangeTemperature', temperature: 'cold' }, context({ expectedRevision: 1n }))).resolves.toMatchObject({ revision: '2' });
    expect(reads()).toEqual([2n]);
    expect(await store.readStream(streamId)).toHaveLength(3);
  });

  it('reads the stream for a command id that may be a repeat, and answers it as the first time', async () => {
    const { store, streamId, run, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
    const repeated = context({ commandId: commandIdFor('u1', 'key-1') });
    const first = await run({ type: 'ChangeTemperature', temperature: 'warm' }, repeated);
    await run({ type: 'ChangeTemperature', temperature: 'hot' });
    reads();
    await expect(run({ type: 'ChangeTemperature', temperature: 'warm' }, repeated)).resolves.toEqual({ ...first, appended: false });
    expect(reads()).toEqual([undefined]);
    expect(await store.readStream(streamId)).toHaveLength(3);
  });

  it('reads the tail for an Idempotency-Key it has not seen, and answers a repeat only another process saw as the first time', async () => {
    const { store, streamId, run, byOther, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
    const repeated = context({ commandId: commandIdFor('u1', 'key-2') });
    const first = await byOther({ type: 'ChangeTemperature', temperature: 'warm' }, repeated);
    reads();
    // Appended from the stale cache, the same event ids at the same revision would be taken by the
    // store as a retried append, a success that writes nothing: only a read tells the repeat.
    await expect(run({ type: 'ChangeTemperature', temperature: 'warm' }, repeated)).resolves.toEqual({ ...first, appended: false });
    expect(reads()).toEqual([1n]);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('does not count a conflict of the append from the cache among the retries', async () => {
    const { store, streamId, run } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
    // One interference for the append from the cache, then one for each of the CONFLICT_RETRIES + 1 attempts but the last.
    store.interfere(CONFLICT_RETRIES + 1);
    await expect(run({ type: 'ChangeTemperature', temperature: 'warm' })).resolves.toMatchObject({ appended: true, revision: String(CONFLICT_RETRIES + 2) });
    expect((await store.readStream(streamId)).at(-1)).toMatchObject({ type: 'TemperatureChanged' });
  });

  it('lets concurrent commands on one stream all append once, chained, whichever of them conflicts', async () => {
    const { store, streamId, run } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
    const texts = ['a', 'b', 'c', 'd'];
    await Promise.all(texts.map((text) => run({ type: 'AddComment', commentId: uuid(), text })));
    const events = await store.readStream(streamId);
    expect(events.slice(1).map((e) => e.data.text).sort()).toEqual(texts);
    expect(verifyChain(events.map(hashed))).toMatchObject({ ok: true, verified: 5 });
  });

  it('keeps no state about a customer whose CustomerDeleted it appended from the cache', async () => {
    const { cache, pipeline, streamId, run, reads } = setup();
    await run({ type: 'RegisterCustomer', data: { name: 'Ana', phones: [] } });
    await run({ type: 'ChangeTemperature', temperature: 'warm' });
    reads();
    await run({ type: 'DeleteCustomer' });
    expect(reads()).toEqual([]);
    expect(cache.size).toBe(0);
    await pipeline.stateOf(streamId, customerDecider);
    expect(cache.size).toBe(0);
  });
});
