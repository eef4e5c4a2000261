import { InMemoryEventStore, positionToString, type RecordedEvent } from '@trilha/event-store';
import {
  ProjectionCatalogue,
  ProjectionRunner,
  prepareProjection,
  type ProjectionDefinition,
  type RunnerTuning,
} from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { appendOther, appendThings } from './support/events';
import { readModel, resetCheckpoint, storedCheckpoint } from './support/read-model';
import { EVENTS_SEEN, STREAM_STATS, streamStatsProjection } from './support/stream-stats.projection';
import { describeOnEachReadStore } from './support/read-stores';

describeOnEachReadStore('ProjectionRunner', (openReadStore) => {
  let eventStore: InMemoryEventStore;
  let readStore: ReadStore;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    readStore = await openReadStore();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await eventStore.close();
    await readStore.close();
  });

  async function startRunner(definition: ProjectionDefinition, tuning: RunnerTuning = { batchSize: 8 }): Promise<ProjectionRunner> {
    const entry = await prepareProjection(readStore, definition);
    const runner = new ProjectionRunner({ eventStore, readStore, definition, generation: entry.activeGeneration, ...tuning });
    runners.push(runner);
    await runner.start();
    return runner;
  }

  async function eventWithIndex(index: number): Promise<RecordedEvent> {
    const found = (await eventStore.readAll()).find((e) => e.data.index === index);
    if (!found) throw new Error(`no event with index ${index}`);
    return found;
  }

  it('commits each batch with its checkpoint: after a run the checkpoint is the last event position', async () => {
    const last = await appendThings(eventStore, 50);
    const definition = streamStatsProjection();
    const runner = await startRunner(definition);

    expect(await runner.whenUpToDate()).toBe(true);
    await runner.stop();

    expect(await storedCheckpoint(readStore, definition.name, 1)).toBe(positionToString(last));
    const model = await readModel(readStore, definition, 1);
    expect(model[EVENTS_SEEN]).toHaveLength(50);
    expect(model[STREAM_STATS]).toHaveLength(7);
    expect(model[STREAM_STATS].reduce((sum, doc) => sum + (doc.count as number), 0)).toBe(50);
    expect(model[STREAM_STATS].find((doc) => doc._id === 'thing-0')?.eventIds).toHaveLength(8);
  });

  it('gives the same read model when the same events are fed twice', async () => {
    await appendThings(eventStore, 60, { perAppend: 3 });
    const definition = streamStatsProjection();
    const first = await startRunner(definition);
    await first.whenUpToDate();
    await first.stop();
    const once = await readModel(readStore, definition, 1);

    await resetCheckpoint(readStore, definition.name, 1);
    const replay = await startRunner(definition);
    expect(replay.checkpoint).toBeUndefined();
    await replay.whenUpToDate();
    await replay.stop();

    expect(await readModel(readStore, definition, 1)).toEqual(once);
  });

  it('advances the checkpoint over a tail of events the filter leaves out', async () => {
    await appendThings(eventStore, 5);
    await appendOther(eventStore);
    const head = await appendOther(eventStore);
    const definition = streamStatsProjection();
    const runner = await startRunner(definition);

    await runner.whenUpToDate();
    await runner.stop();

    expect(await storedCheckpoint(readStore, definition.name, 1)).toBe(positionToString(head));
    expect((await readModel(readStore, definition, 1))[EVENTS_SEEN]).toHaveLength(5);
  });

  it('keeps following live appends, and waitForPosition resolves once they are applied', async () => {
    await appendThings(eventStore, 10);
    const definition = streamStatsProjection();
    const runner = await startRunner(definition);
    await runner.whenUpToDate();

    const later = await appendThings(eventStore, 4, { offset: 10 });
    expect(await runner.waitForPosition(later, 10_000)).toBe(true);

    expect((await readModel(readStore, definition, 1))[EVENTS_SEEN]).toHaveLength(14);
    expect(runner.status).toBe('running');
  });

  it('answers false from waitForPosition for a position it does not reach in time', async () => {
    const head = await appendThings(eventStore, 3);
    const runner = await startRunner(streamStatsProjection());
    await runner.whenUpToDate();

    expect(await runner.waitForPosition({ commit: head.commit + 10n, prepare: head.commit + 10n }, 20)).toBe(false);
  });

  it('reports status, checkpoint and lag', async () => {
    const definition = streamStatsProjection();
    const catalogue = new ProjectionCatalogue(readStore);
    await appendThings(eventStore, 12);
    const runner = await startRunner(definition);
    await runner.whenUpToDate();

    const head = await eventStore.headPosition();
    expect(runner.metrics(head)).toMatchObject({ generation: 1, status: 'running', checkpoint: '12', lag: 0, failure: null });
    expect(runner.metrics(head).eventsPerSecond).toBeGreaterThan(0);
    await runner.stop();
    expect((await catalogue.get(definition.name))?.status).toBe('stopped');

    const newHead = await appendThings(eventStore, 5, { offset: 12 });
    expect(runner.metrics(newHead)).toMatchObject({ status: 'stopped', checkpoint: '12', lag: 5 });
  });

  it('stops on a throwing handler, records the event and error, and applies nothing from that batch on', async () => {
    const last = await appendThings(eventStore, 40);
    const failing = await eventWithIndex(21);
    const definition = streamStatsProjection({ failOn: (e) => e.id === failing.id });
    const runner = await startRunner(definition, { batchSize: 5 });

    await runner.whenFinished();

    const failure = { eventId: failing.id, position: positionToString(failing.position), type: failing.type, error: `cannot handle ${failing.type} ${failing.id}` };
    expect(runner.status).toBe('failed');
    expect(runner.failure).toEqual(failure);
    expect(await new ProjectionCatalogue(readStore).get(definition.name)).toMatchObject({ status: 'failed', failure });
    expect(await runner.whenCaughtUp()).toBe(false);

    const checkpoint = BigInt((await storedCheckpoint(readStore, definition.name, 1)) ?? '0');
    expect(checkpoint).toBeGreaterThan(0n);
    expect(checkpoint).toBeLessThan(failing.position.commit);
    const seen = (await readModel(readStore, definition, 1))[EVENTS_SEEN];
    expect(seen.map((doc) => doc._id)).not.toContain(failing.id);
    expect(seen.every((doc) => BigInt(doc.position as string) <= checkpoint)).toBe(true);

    // The fix is deployed: a new runner goes on from the checkpoint.
    const fixed = await startRunner(streamStatsProjection(), { batchSize: 5 });
    expect(await fixed.whenUpToDate()).toBe(true);
    expect(await storedCheckpoint(readStore, definition.name, 1)).toBe(positionToString(last));
    expect((await readModel(readStore, definition, 1))[EVENTS_SEEN]).toHaveLength(40);
    expect(await new ProjectionCatalogue(readStore).get(definition.name)).toMatchObject({ status: 'running', failure: null });
  });

  it('fails on a write to a collection the projection does not declare', async () => {
    await appendThings(eventStore, 2);
    const sloppy: ProjectionDefinition = {
      ...streamStatsProjection(),
      handle: (e) => [{ collection: 'undeclared', write: { op: 'insertOne', doc: { _id: e.id } } }],
    };
    const runner = await startRunner(sloppy);

    await runner.whenFinished();

    expect(runner.failure).toMatchObject({ eventId: (await eventWithIndex(0)).id, error: expect.stringContaining('undeclared') });
    expect(await readStore.listCollections()).not.toContain('undeclared');
  });

  it('fails when a batch commit is refused, blaming the event of a one-event batch', async () => {
    await appendThings(eventStore, 6);
    const second = await eventWithIndex(1);
    // A unique index on the stream id of the per-event rows: the second event of a stream is refused.
    const unique: ProjectionDefinition = {
      ...streamStatsProjection({ name: 'unique-rows' }),
      collections: [{ name: EVENTS_SEEN, indexes: [{ fields: { streamId: 1 }, unique: true }] }],
      handle: (e) => [{ collection: EVENTS_SEEN, write: { op: 'insertOne', doc: { _id: e.id, streamId: 'same' } } }],
    };
    const runner = await startRunner(unique, { batchSize: 1 });

    await runner.whenFinished();

    expect(runner.status).toBe('failed');
    expect(runner.failure?.eventId).toBe(second.id);
    expect(await storedCheckpoint(readStore, 'unique-rows', 1)).toBe(positionToString((await eventWithIndex(0)).position));
  });
});
