import { InMemoryEventStore, positionToString, type RecordedEvent } from '@trilha/event-store';
import { guardedUpdate, ProjectionCatalogue, ProjectionHost, type ProjectionDefinition } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { appendThings } from './support/events';
import { eventually } from './support/eventually';
import { readModel, storedCheckpoint } from './support/read-model';
import { EVENTS_SEEN, STREAM_STATS, streamStatsProjection } from './support/stream-stats.projection';
import { describeOnEachReadStore } from './support/read-stores';

const NAME = 'stream-stats';

const eventuallyTrue = (check: () => Promise<boolean>) => eventually(check, (ok) => ok);

describeOnEachReadStore('ProjectionHost', (openReadStore) => {
  let eventStore: InMemoryEventStore;
  let readStore: ReadStore;
  let catalogue: ProjectionCatalogue;
  const hosts: ProjectionHost[] = [];

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    readStore = await openReadStore();
    catalogue = new ProjectionCatalogue(readStore);
  });
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()));
    await eventStore.close();
    await readStore.close();
  });

  async function startHost(...definitions: ProjectionDefinition[]): Promise<ProjectionHost> {
    const host = new ProjectionHost({ eventStore, readStore, definitions, batchSize: 10 });
    hosts.push(host);
    await host.start();
    return host;
  }

  async function stopHost(host: ProjectionHost): Promise<void> {
    hosts.splice(hosts.indexOf(host), 1);
    await host.stop();
  }

  it('starts a new projection at generation 1 with its physical collections, and lists it', async () => {
    const last = await appendThings(eventStore, 30);
    const host = await startHost(streamStatsProjection());

    expect(await host.whenUpToDate(NAME)).toBe(true);

    expect(host.collectionName(NAME, STREAM_STATS)).toBe('stream_stats_v1');
    expect(() => host.collectionName(NAME, 'nope')).toThrow(/no collection nope/);
    expect(await readStore.listCollections()).toEqual(expect.arrayContaining(['_projections', '_checkpoints', 'stream_stats_v1', 'events_seen_v1']));
    expect(await host.list()).toEqual([
      { name: NAME, version: 1, codeVersion: 1, status: 'running', checkpoint: positionToString(last), lag: 0, eventsPerSecond: expect.any(Number) },
    ]);
    expect(await catalogue.get(NAME)).toMatchObject({ activeGeneration: 1, codeVersion: 1, status: 'running', buildingGeneration: null });
  });

  it('waits for a position given as a string', async () => {
    const host = await startHost(streamStatsProjection());
    const position = await appendThings(eventStore, 3);

    expect(await host.waitFor(NAME, positionToString(position), 10_000)).toBe(true);
    expect(await readStore.collection(host.collectionName(NAME, EVENTS_SEEN)).count()).toBe(3);
  });

  it('rebuilds into generation 2 while generation 1 serves, switches over, and keeps generation 1 until dropped', async () => {
    await appendThings(eventStore, 120);
    let bugAt: string | undefined;
    const host = await startHost(streamStatsProjection({ failOn: (e) => e.id === bugAt }));
    await host.whenUpToDate(NAME);
    const servedBefore = await readModel(readStore, streamStatsProjection(), 1);

    // A bug only the rebuild meets holds generation 2 part-way, deterministically.
    const blocking: RecordedEvent = (await eventStore.readAll()).find((e) => e.data.index === 70)!;
    bugAt = blocking.id;
    const held = await host.rebuild(NAME);
    expect(held.generation).toBe(2);
    expect(await held.completed).toBe(false);

    expect(host.collectionName(NAME, STREAM_STATS)).toBe('stream_stats_v1');
    expect(await readModel(readStore, streamStatsProjection(), 1)).toEqual(servedBefore);
    expect(await readStore.collection('events_seen_v2').count()).toBeLessThanOrEqual(70);
    const [info] = await host.list();
    expect(info).toMatchObject({ version: 1, status: 'running', rebuilding: { generation: 2, status: 'failed', failure: { eventId: blocking.id } } });
    expect(await catalogue.get(NAME)).toMatchObject({ activeGeneration: 1, buildingGeneration: 2, buildingStatus: 'failed' });

    // Fixed: the rebuild goes on from its checkpoint and switches over.
    bugAt = undefined;
    const resumed = await host.rebuild(NAME);
    expect(resumed.generation).toBe(2);
    expect(await resumed.completed).toBe(true);

    expect(host.collectionName(NAME, STREAM_STATS)).toBe('stream_stats_v2');
    expect(await readModel(readStore, streamStatsProjection(), 2)).toEqual(servedBefore);
    expect(await catalogue.get(NAME)).toMatchObject({
      activeGeneration: 2,
      status: 'running',
      buildingGeneration: null,
      retired: [{ generation: 1, collections: ['stream_stats_v1', 'events_seen_v1'] }],
    });
    expect(await readStore.listCollections()).toEqual(expect.arrayContaining(['stream_stats_v1', 'events_seen_v1']));
    expect((await host.list())[0]).not.toHaveProperty('rebuilding');

    // The new generation serves live appends.
    const later = await appendThings(eventStore, 2, { offset: 120 });
    expect(await host.waitFor(NAME, later, 10_000)).toBe(true);
    expect(await readStore.collection('events_seen_v2').count()).toBe(122);
    expect(await readStore.collection('events_seen_v1').count()).toBe(120);

    await expect(host.drop(NAME, 2)).rejects.toThrow(/in use/);
    await host.drop(NAME, 1);
    const remaining = await readStore.listCollections();
    expect(remaining).not.toContain('stream_stats_v1');
    expect(remaining).not.toContain('events_seen_v1');
    expect(remaining).toContain('events_seen_v2');
    expect(await storedCheckpoint(readStore, NAME, 1)).toBeUndefined();
    expect((await catalogue.get(NAME))?.retired).toEqual([]);
  });

  it('drops the replaced generation once the grace period after the switch is over', async () => {
    await appendThings(eventStore, 50);
    const host = new ProjectionHost({ eventStore, readStore, definitions: [streamStatsProjection()], batchSize: 10, dropRetiredAfterMs: 30 });
    hosts.push(host);
    await host.start();
    await host.whenUpToDate(NAME);
    const served = await readModel(readStore, streamStatsProjection(), 1);

    expect(await (await host.rebuild(NAME)).completed).toBe(true);
    // Right after the switch the old generation is still whole, for readers that looked it up before.
    expect(await readModel(readStore, streamStatsProjection(), 1)).toEqual(served);

    await eventuallyTrue(async () => (await catalogue.get(NAME))?.retired.length === 0);
    const collections = await readStore.listCollections();
    expect(collections).not.toContain('stream_stats_v1');
    expect(collections).not.toContain('events_seen_v1');
    expect(await storedCheckpoint(readStore, NAME, 1)).toBeUndefined();
    expect(await readModel(readStore, streamStatsProjection(), 2)).toEqual(served);
  });

  it('restarts a failed projection from the event it failed on, once the cause is fixed', async () => {
    await appendThings(eventStore, 40);
    let bugAt: string | undefined = (await eventStore.readAll()).find((e) => e.data.index === 20)!.id;
    const host = await startHost(streamStatsProjection({ failOn: (e) => e.id === bugAt }));
    await eventuallyTrue(async () => (await host.list())[0].status === 'failed');
    expect(await readStore.collection('events_seen_v1').count()).toBe(20);

    bugAt = undefined;
    await host.restart(NAME);
    expect(await host.whenUpToDate(NAME)).toBe(true);
    const [info] = await host.list();
    expect(info).toMatchObject({ status: 'running', lag: 0 });
    expect(info).not.toHaveProperty('failure');
    expect(await readStore.collection('events_seen_v1').count()).toBe(40);
  });

  it('builds the new generation over events appended during the rebuild', async () => {
    await appendThings(eventStore, 200);
    const host = await startHost(streamStatsProjection());
    const progress = await host.rebuild(NAME);
    await appendThings(eventStore, 20, { offset: 200 });

    expect(await progress.completed).toBe(true);
    const head = (await eventStore.headPosition())!;
    expect(await host.waitFor(NAME, head, 10_000)).toBe(true);
    expect(host.collectionName(NAME, EVENTS_SEEN)).toBe('events_seen_v2');
    expect(await readStore.collection('events_seen_v2').count()).toBe(220);
  });

  it('rebuilds on start when the code version changed, and not again once built', async () => {
    await appendThings(eventStore, 40);
    const v1 = await startHost(streamStatsProjection({ version: 1 }));
    await v1.waitFor(NAME, (await eventStore.headPosition())!, 10_000);
    await stopHost(v1);
    expect((await catalogue.get(NAME))?.status).toBe('stopped');

    const v2 = await startHost(streamStatsProjection({ version: 2 }));
    const progress = v2.rebuildProgress(NAME);
    expect(progress?.generation).toBe(2);
    expect(await progress?.completed).toBe(true);
    expect(await catalogue.get(NAME)).toMatchObject({ activeGeneration: 2, codeVersion: 2 });
    expect(await readModel(readStore, streamStatsProjection(), 2)).toEqual(await readModel(readStore, streamStatsProjection(), 1));
    await stopHost(v2);

    const again = await startHost(streamStatsProjection({ version: 2 }));
    expect(again.rebuildProgress(NAME)).toBeUndefined();
    expect(again.collectionName(NAME, STREAM_STATS)).toBe('stream_stats_v2');
  });

  it('resumes an unfinished rebuild of the same code version on start, and abandons one of another version', async () => {
    await appendThings(eventStore, 60);
    const v1 = await startHost(streamStatsProjection({ version: 1 }));
    await v1.waitFor(NAME, (await eventStore.headPosition())!, 10_000);
    await stopHost(v1);

    const bugAt = (await eventStore.readAll())[30].id;
    const buggy = await startHost(streamStatsProjection({ version: 2, failOn: (e) => e.id === bugAt }));
    expect(await buggy.rebuildProgress(NAME)?.completed).toBe(false);
    await stopHost(buggy);
    expect(await catalogue.get(NAME)).toMatchObject({ activeGeneration: 1, buildingGeneration: 2, buildingCodeVersion: 2 });

    const fixed = await startHost(streamStatsProjection({ version: 2 }));
    expect(fixed.rebuildProgress(NAME)?.generation).toBe(2);
    expect(await fixed.rebuildProgress(NAME)?.completed).toBe(true);
    expect(await readModel(readStore, streamStatsProjection(), 2)).toEqual(await readModel(readStore, streamStatsProjection(), 1));
    await stopHost(fixed);

    const buggyV3 = await startHost(streamStatsProjection({ version: 3, failOn: (e) => e.id === bugAt }));
    expect(await buggyV3.rebuildProgress(NAME)?.completed).toBe(false);
    await stopHost(buggyV3);
    const v4 = await startHost(streamStatsProjection({ version: 4 }));
    expect(v4.rebuildProgress(NAME)?.generation).toBe(4);
    expect(await readStore.listCollections()).not.toContain('events_seen_v3');
    expect(await storedCheckpoint(readStore, NAME, 3)).toBeUndefined();
    expect(await v4.rebuildProgress(NAME)?.completed).toBe(true);
    expect(await catalogue.get(NAME)).toMatchObject({ activeGeneration: 4, codeVersion: 4, retired: [{ generation: 1 }, { generation: 2 }] });
  });

  it('runs several projections side by side, and refuses two owners of one collection', async () => {
    await appendThings(eventStore, 25);
    const byType: ProjectionDefinition = {
      name: 'by-type',
      version: 1,
      collections: [{ name: 'type_counts' }],
      handle: (e) => [guardedUpdate('type_counts', e.type, e, { $inc: { count: 1 } })],
    };
    const host = await startHost(streamStatsProjection(), byType);
    const head = (await eventStore.headPosition())!;

    expect(await host.waitFor(NAME, head, 10_000)).toBe(true);
    expect(await host.waitFor('by-type', head, 10_000)).toBe(true);
    expect((await host.list()).map((p) => p.name)).toEqual([NAME, 'by-type']);
    const counts = await readStore.collection(host.collectionName('by-type', 'type_counts')).find({}, { sort: { _id: 1 } });
    expect(counts.map((c) => [c._id, c.count])).toEqual([
      ['ThingChanged', 16],
      ['ThingCreated', 9],
    ]);
    expect(() => host.register(streamStatsProjection({ name: 'copy' }))).toThrow(/both declare collection/);
  });
});
