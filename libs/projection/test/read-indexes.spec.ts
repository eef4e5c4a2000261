import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, positionKey, type RecordedEvent } from '@trilha/event-store';
import { insertOnce, physicalCollectionName, prepareProjection, ProjectionRunner, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionSpec, CollectionWrite, ReadStore } from '@trilha/read-store';
import { describeOnEachReadStore } from './support/read-stores';

const NOTES = 'notes';
const BY_TOPIC = { fields: { topic: 1 as const, pos: -1 as const } };

/** Notes keyed by position; a `NotesPurged` event rewrites every note of its topic (a filtered write). */
function notesProjection(): ProjectionDefinition {
  return {
    name: 'notes',
    version: 1,
    collections: [{ name: NOTES, readIndexes: [BY_TOPIC] }],
    filter: { streamPrefixes: ['note-'] },
    handle(event: RecordedEvent): CollectionWrite[] {
      const topic = event.data.topic as string;
      if (event.type === 'NotesPurged') {
        return [{ collection: NOTES, write: { op: 'updateMany', filter: { topic }, update: { $set: { text: '' } } } }];
      }
      const pos = positionKey(event.position);
      return [insertOnce(NOTES, { _id: pos, pos, topic, text: event.data.text as string })];
    },
  };
}

/** What the runner asked of the store, in order (the store itself does the work). */
type Call = { kind: 'ensure'; spec: CollectionSpec } | { kind: 'commit'; writes: CollectionWrite[] };

function recording(store: ReadStore, calls: Call[]): ReadStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'ensureCollection') {
        return (spec: CollectionSpec) => {
          calls.push({ kind: 'ensure', spec });
          return target.ensureCollection(spec);
        };
      }
      if (property === 'commit') {
        return (writes: CollectionWrite[]) => {
          calls.push({ kind: 'commit', writes });
          return target.commit(writes);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describeOnEachReadStore('Read indexes (built once caught up)', (openReadStore) => {
  let eventStore: InMemoryEventStore;
  let readStore: ReadStore;
  const physical = physicalCollectionName(NOTES, 1);

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    readStore = await openReadStore();
  });
  afterEach(async () => {
    await eventStore.close();
    await readStore.close();
  });

  async function appendNotes(count: number, topic = 'a'): Promise<void> {
    for (let i = 0; i < count; i++) {
      await eventStore.append(`note-${i % 3}`, [{ id: randomUUID(), type: 'NoteTaken', data: { topic, text: `n${i}` } }], 'any');
    }
  }

  async function run(definition: ProjectionDefinition, calls: Call[]): Promise<ProjectionRunner> {
    const store = recording(readStore, calls);
    const entry = await prepareProjection(store, definition);
    const runner = new ProjectionRunner({ eventStore, readStore: store, definition, generation: entry.activeGeneration, catchUpBatchSize: 4 });
    await runner.start();
    return runner;
  }

  const readIndexEnsured = (call: Call) => call.kind === 'ensure' && call.spec.name === physical && (call.spec.indexes ?? []).length > 0;
  const commitsTo = (call: Call) => call.kind === 'commit' && call.writes.some((w) => w.collection === physical);

  it('creates the generation without its read indexes and adds them once caught up, before the runner says so', async () => {
    await appendNotes(20);
    const calls: Call[] = [];
    const runner = await run(notesProjection(), calls);
    expect(await runner.whenCaughtUp()).toBe(true);
    const callsWhenCaughtUp = calls.length;
    await runner.stop();

    expect(calls.slice(0, callsWhenCaughtUp).some(readIndexEnsured)).toBe(true);
    const created = calls.find((c) => c.kind === 'ensure' && c.spec.name === physical);
    expect(created).toEqual({ kind: 'ensure', spec: { name: physical } });
    const ensuredAt = calls.findIndex(readIndexEnsured);
    expect(ensuredAt).toBeGreaterThan(0);
    // Every batch of the catch-up (20 notes in batches of 4) was committed before the index was built.
    expect(calls.slice(0, ensuredAt).filter(commitsTo)).toHaveLength(5);
    expect(calls[ensuredAt]).toEqual({ kind: 'ensure', spec: { name: physical, indexes: [BY_TOPIC] } });
    expect(calls.filter(readIndexEnsured)).toHaveLength(1);
    // Built from the rows already there, the index serves the query as a declared one would.
    const found = await readStore.collection(physical).find({ topic: 'a' }, { sort: { pos: -1 }, limit: 3 });
    expect(found.map((doc) => doc.text)).toEqual(['n19', 'n18', 'n17']);
  });

  it('builds them before the first write that filters on something other than _id', async () => {
    await appendNotes(6);
    await eventStore.append('note-0', [{ id: randomUUID(), type: 'NotesPurged', data: { topic: 'a' } }], 'any');
    await appendNotes(6, 'b');
    const calls: Call[] = [];
    const runner = await run(notesProjection(), calls);
    expect(await runner.whenCaughtUp()).toBe(true);
    await runner.stop();

    const ensuredAt = calls.findIndex(readIndexEnsured);
    const purgeAt = calls.findIndex((c) => c.kind === 'commit' && c.writes.some((w) => w.write.op === 'updateMany'));
    expect(ensuredAt).toBeGreaterThan(calls.findIndex(commitsTo));
    expect(purgeAt).toBe(ensuredAt + 1);
    expect(calls.filter(readIndexEnsured)).toHaveLength(1);
    const notes = await readStore.collection(physical).find({}, { sort: { pos: 1 } });
    expect(notes.map((n) => `${n.topic as string}:${n.text as string}`)).toEqual([...Array(6).fill('a:'), ...Array.from({ length: 6 }, (_, i) => `b:n${i}`)]);
  });

  it('refuses a unique read index when the generation is created', async () => {
    const definition = notesProjection();
    definition.collections = [{ name: NOTES, readIndexes: [{ ...BY_TOPIC, unique: true }] }];
    await expect(prepareProjection(readStore, definition)).rejects.toThrow(/read index cannot be unique/);
    expect(await readStore.listCollections()).not.toContain(physical);
  });

  it('fails the runner, naming the cause, when a read index cannot be built', async () => {
    await appendNotes(3);
    const calls: Call[] = [];
    const definition = notesProjection();
    definition.collections = [{ name: NOTES, readIndexes: [{ fields: { $bad: 1 } }] }];
    const runner = await run(definition, calls);
    expect(await runner.whenCaughtUp()).toBe(false);
    await runner.whenFinished();
    expect(runner.status).toBe('failed');
    expect(runner.failure?.error).toMatch(/\$bad/);
  });
});
