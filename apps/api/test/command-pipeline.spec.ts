import { customerDecider, customerStreamId, UpcasterRegistry, verifyChain, type HashedEvent } from '@trilha/domain';
import { InMemoryEventStore } from '@trilha/event-store/in-memory/in-memory-event-store';
import type { AppendResult, EventData, ExpectedRevision, RecordedEvent } from '@trilha/event-store';
import { v4 as uuid } from 'uuid';
import { CommandConflictError, CommandPipeline, CONFLICT_RETRIES } from '../src/commands/command-pipeline';
import type { CommandContext } from '../src/commands/command-context';
import { commandIdFor, eventIdFor } from '../src/commands/deterministic-ids';

/** Another writer that appends to the same stream right before each of our first `times` appends. */
class InterferingStore extends InMemoryEventStore {
  private times = 0;
  interfere(times: number) {
    this.times = times;
  }
  override async append(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.times > 0 && events[0]?.type !== 'Interference') {
      this.times -= 1;
      await super.append(streamId, [{ id: uuid(), type: 'Interference', data: {} }], 'any');
    }
    return super.append(streamId, events, expected);
  }
}

const now = new Date('2026-03-01T10:00:00Z');
const context = (commandId = uuid()): CommandContext => ({
  actor: { id: 'u1', role: 'broker', name: 'Bia', kind: 'user' },
  commandId,
  correlationId: 'corr-1',
  causationId: 'cause-1',
});

function register(pipeline: CommandPipeline, customerId: string, ctx: CommandContext) {
  return pipeline.run({
    streamId: customerStreamId(customerId),
    aggregateId: customerId,
    decider: customerDecider,
    command: { type: 'RegisterCustomer', customerId, data: { name: 'Ana', phones: [] } },
    context: ctx,
  });
}

const hashed = (e: RecordedEvent): HashedEvent => ({ streamId: e.streamId, eventId: e.id, type: e.type, revision: e.revision, data: e.data, metadata: e.metadata });

describe('CommandPipeline', () => {
  it('appends the decided events with deterministic ids and the full metadata envelope', async () => {
    const store = new InMemoryEventStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const id = uuid();
    const ctx = context();
    const result = await register(pipeline, id, ctx);

    const [event] = await store.readStream(customerStreamId(id));
    expect(result).toMatchObject({ id, revision: '0', appended: true });
    expect(event.id).toBe(eventIdFor(ctx.commandId, 0));
    expect(event.metadata).toEqual({
      actor: { id: 'u1', role: 'broker', name: 'Bia', kind: 'user' },
      commandId: ctx.commandId,
      correlationId: 'corr-1',
      causationId: 'cause-1',
      occurredAt: now.toISOString(),
      schemaVersion: 1,
      integrity: { alg: 'sha256', prev: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('seals every appended event into the stream\'s integrity chain, across commands and within one', async () => {
    const store = new InMemoryEventStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const id = uuid();
    await register(pipeline, id, context());
    // A new lead's first proposal appends two events: ProposalRegistered and LeadStatusChanged.
    await pipeline.run({
      streamId: customerStreamId(id),
      aggregateId: id,
      decider: customerDecider,
      command: { type: 'RegisterProposal', customerId: id, proposalId: uuid(), productId: 'p1', amountCents: 100 },
      context: context(),
    });

    const events = await store.readStream(customerStreamId(id));
    const links = events.map((e) => e.metadata.integrity as { prev: string | null; hash: string });
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered', 'ProposalRegistered', 'LeadStatusChanged']);
    expect(links.map((l) => l.prev)).toEqual([null, links[0].hash, links[1].hash]);
    expect(verifyChain(events.map(hashed))).toMatchObject({ ok: true, verified: 3, headHash: links[2].hash });
  });

  it('seals against the stream as re-read after a conflict; an event appended unsealed in between starts a new chain', async () => {
    const store = new InterferingStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const id = uuid();
    await register(pipeline, id, context());
    store.interfere(1);
    await pipeline.run({
      streamId: customerStreamId(id),
      aggregateId: id,
      decider: customerDecider,
      command: { type: 'EditCustomerData', customerId: id, changes: { name: 'Ana B' } },
      context: context(),
    });

    const events = await store.readStream(customerStreamId(id));
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered', 'Interference', 'CustomerDataEdited']);
    expect(events[2].metadata.integrity).toMatchObject({ prev: null });
    expect(verifyChain(events.map(hashed))).toMatchObject({ ok: false, verified: 2, unchained: 1, firstBad: { revision: 1n, reason: 'unchained' } });
  });

  it('answers a repeated command id as the first time, appending nothing', async () => {
    const store = new InMemoryEventStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const id = uuid();
    const ctx = context(commandIdFor('u1', 'key-1'));
    const first = await register(pipeline, id, ctx);
    const again = await register(pipeline, id, ctx);

    expect(again).toEqual({ ...first, appended: false });
    expect(await store.readStream(customerStreamId(id))).toHaveLength(1);
  });

  it('retries on a concurrent append and then succeeds', async () => {
    const store = new InterferingStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const id = uuid();
    // The stream exists (an edit needs a registered customer), then three writers interfere.
    await store.append(customerStreamId(id), [{ id: uuid(), type: 'CustomerRegistered', data: { customerId: id, name: 'Ana', phones: [] } }], 'noStream');
    store.interfere(CONFLICT_RETRIES);
    const result = await pipeline.run({
      streamId: customerStreamId(id),
      aggregateId: id,
      decider: customerDecider,
      command: { type: 'EditCustomerData', customerId: id, changes: { name: 'Ana B' } },
      context: context(),
    });
    const types = (await store.readStream(customerStreamId(id))).map((e) => e.type);
    expect(types).toEqual(['CustomerRegistered', 'Interference', 'Interference', 'Interference', 'CustomerDataEdited']);
    expect(result.revision).toBe('4');
  });

  it('gives up with a conflict after the retries, having appended nothing of its own', async () => {
    const store = new InterferingStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const id = uuid();
    await store.append(customerStreamId(id), [{ id: uuid(), type: 'CustomerRegistered', data: { customerId: id, name: 'Ana', phones: [] } }], 'noStream');
    store.interfere(CONFLICT_RETRIES + 1);
    await expect(
      pipeline.run({
        streamId: customerStreamId(id),
        aggregateId: id,
        decider: customerDecider,
        command: { type: 'EditCustomerData', customerId: id, changes: { name: 'Ana B' } },
        context: context(),
      }),
    ).rejects.toBeInstanceOf(CommandConflictError);
    const types = (await store.readStream(customerStreamId(id))).map((e) => e.type);
    expect(types).not.toContain('CustomerDataEdited');
  });

  it('folds upcast events: an old payload shape is lifted before deciding', async () => {
    const store = new InMemoryEventStore();
    const upcasters = new UpcasterRegistry().register('CustomerRegistered', 2, (d) => ({ ...d, phones: d.phone ? [d.phone] : [] }));
    const pipeline = new CommandPipeline(store, upcasters, () => now);
    const id = uuid();
    await store.append(customerStreamId(id), [{ id: uuid(), type: 'CustomerRegistered', data: { customerId: id, name: 'Ana', phone: '11' }, metadata: { schemaVersion: 1 } }], 'noStream');
    await pipeline.run({
      streamId: customerStreamId(id),
      aggregateId: id,
      decider: customerDecider,
      command: { type: 'EditCustomerData', customerId: id, changes: { phones: ['11', '22'] } },
      context: context(),
    });
    const [, edited] = await store.readStream(customerStreamId(id));
    expect(edited.data.changes).toEqual([{ field: 'phones', from: ['11'], to: ['11', '22'] }]);
  });

  it('refuses a command whose If-Match revision is stale, without retrying or appending', async () => {
    const store = new InMemoryEventStore();
    const pipeline = new CommandPipeline(store, new UpcasterRegistry(), () => now);
    const id = uuid();
    await register(pipeline, id, context());
    const edit = (expectedRevision: bigint) =>
      pipeline.run({
        streamId: customerStreamId(id),
        aggregateId: id,
        decider: customerDecider,
        command: { type: 'EditCustomerData', customerId: id, changes: { name: `Ana ${expectedRevision}` } },
        context: { ...context(), expectedRevision },
      });

    await expect(edit(5n)).rejects.toThrow(/is at revision 0, not 5/);
    await expect(edit(0n)).resolves.toMatchObject({ revision: '1' });
    expect((await store.readStream(customerStreamId(id))).map((e) => e.revision)).toEqual([0n, 1n]);
  });
});
