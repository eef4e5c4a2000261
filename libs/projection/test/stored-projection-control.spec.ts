import { InMemoryEventStore, positionToString, type RecordedEvent } from '@trilha/event-store';
import {
  ProjectionCatalogue,
  ProjectionHost,
  ProjectionNotStartedError,
  StoredProjectionControl,
  UnknownProjectionError,
  type ProjectionDefinition,
  type ProjectionHostOptions,
} from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { appendThings } from './support/events';
import { eventually } from './support/eventually';
import { readModel } from './support/read-model';
import { streamStatsProjection } from './support/stream-stats.projection';
import { describeOnEachReadStore } from './support/read-stores';

const NAME = 'stream-stats';

/** A host as the projector runs it, and the api's view of it through the read store only. */
describeOnEachReadStore('StoredProjectionControl', (openReadStore) => {
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

  async function startHost(options: Partial<ProjectionHostOptions> = {}, definition: ProjectionDefinition = streamStatsProjection()) {
    const host = new ProjectionHost({ eventStore, readStore, definitions: [definition], batchSize: 10, ...options });
    hosts.push(host);
    await host.start();
    return host;
  }

  function control(options: { now?: () => number; staleAfterMs?: number } = {}) {
    return new StoredProjectionControl({ eventStore, readStore, definitions: [streamStatsProjection()], ...options });
  }

  const activeGeneration = async () => (await catalogue.get(NAME))?.activeGeneration;

  describe('restart requests', () => {
    it('has the host restart a failed projection, which resumes at the event it failed on once fixed', async () => {
      await appendThings(eventStore, 40);
      let bugAt: string | undefined;
      const definition = streamStatsProjection({ failOn: (e) => e.id === bugAt });
      const blocking: RecordedEvent = (await eventStore.readAll()).find((e) => e.data.index === 25)!;
      bugAt = blocking.id;
      await startHost({ controlIntervalMs: 20 }, definition);

      const [failed] = await eventually(() => control().list(), ([p]) => p.status === 'failed');
      expect(failed).toMatchObject({ version: 1, status: 'failed', failure: { eventId: blocking.id } });
      expect(await readStore.collection('events_seen_v1').count()).toBeLessThan(26);

      bugAt = undefined;
      await control().requestRestart(NAME);
      const [restarted] = await eventually(() => control().list(), ([p]) => p.status === 'running' && p.lag === 0);
      expect(restarted).not.toHaveProperty('failure');
      expect(await readStore.collection('events_seen_v1').count()).toBe(40);
      expect((await catalogue.get(NAME))?.restartRequest).toBeNull();
    });

    it('refuses a name it does not know, and one no projector has started yet', async () => {
      await expect(control().requestRestart('nope')).rejects.toBeInstanceOf(UnknownProjectionError);
      await expect(control().requestRestart(NAME)).rejects.toBeInstanceOf(ProjectionNotStartedError);
    });
  });

  describe('rebuild requests', () => {
    it('allocates the next generation once: asking again, or from two apis at once, answers the same one', async () => {
      await appendThings(eventStore, 30);
      // A host without the control loop leaves the request pending, so it can be observed.
      await startHost();

      expect(await control().requestRebuild(NAME)).toBe(2);
      expect(await control().requestRebuild(NAME)).toBe(2);
      expect(await catalogue.get(NAME)).toMatchObject({ activeGeneration: 1, buildingGeneration: null, requestedGeneration: 2, lastGeneration: 2 });
      const [info] = await control().list();
      expect(info).toMatchObject({ version: 1, rebuildRequested: 2 });
      expect(info).not.toHaveProperty('rebuilding');

      expect(await Promise.all([control().requestRebuild(NAME), control().requestRebuild(NAME)])).toEqual([2, 2]);
    });

    it('two apis racing for the first request agree on one generation', async () => {
      await startHost();
      const answers = await Promise.all([control().requestRebuild(NAME), control().requestRebuild(NAME), control().requestRebuild(NAME)]);
      expect(answers).toEqual([2, 2, 2]);
      expect((await catalogue.get(NAME))?.lastGeneration).toBe(2);
    });

    it('is carried out by the host under exactly the announced generation, which then serves', async () => {
      await appendThings(eventStore, 40);
      const host = await startHost({ controlIntervalMs: 20 });
      await host.whenUpToDate(NAME);
      const before = await readModel(readStore, streamStatsProjection(), 1);

      const generation = await control().requestRebuild(NAME);
      expect(generation).toBe(2);
      await eventually(activeGeneration, (g) => g === 2);

      expect(await readModel(readStore, streamStatsProjection(), 2)).toEqual(before);
      expect(await catalogue.get(NAME)).toMatchObject({ requestedGeneration: null, buildingGeneration: null, retired: [{ generation: 1 }] });
      // Settled: the next request is a new generation.
      expect(await control().requestRebuild(NAME)).toBe(3);
    });

    it('a rebuild started in the projector process builds the generation already promised to the api', async () => {
      await appendThings(eventStore, 20);
      const host = await startHost();
      expect(await control().requestRebuild(NAME)).toBe(2);

      const progress = await host.rebuild(NAME);
      expect(progress.generation).toBe(2);
      expect(await progress.completed).toBe(true);
      expect(await catalogue.get(NAME)).toMatchObject({ activeGeneration: 2, requestedGeneration: null, lastGeneration: 2 });
    });

    it('while a generation is being built, answers that one, and has the host restart it if it stopped', async () => {
      await appendThings(eventStore, 60);
      let bugAt: string | undefined;
      const definition = streamStatsProjection({ failOn: (e) => e.id === bugAt });
      const host = await startHost({ controlIntervalMs: 20 }, definition);
      await host.whenUpToDate(NAME);
      const blocking: RecordedEvent = (await eventStore.readAll()).find((e) => e.data.index === 30)!;
      bugAt = blocking.id;
      expect(await (await host.rebuild(NAME)).completed).toBe(false);

      // Published by the host's next control round.
      const [held] = await eventually(() => control().list(), ([p]) => p.rebuilding?.status === 'failed' && p.status === 'running');
      expect(held).toMatchObject({ version: 1, status: 'running', rebuilding: { generation: 2, status: 'failed', failure: { eventId: blocking.id } } });

      // The bug is fixed (here: in place); a request restarts generation 2 from its checkpoint.
      bugAt = undefined;
      expect(await control().requestRebuild(NAME)).toBe(2);
      await eventually(activeGeneration, (g) => g === 2);
      expect((await catalogue.get(NAME))?.lastGeneration).toBe(2);
    });

    it('refuses a name it does not know, and one no projector has started yet', async () => {
      await expect(control().requestRebuild('nope')).rejects.toBeInstanceOf(UnknownProjectionError);
      await expect(control().requestRebuild(NAME)).rejects.toBeInstanceOf(ProjectionNotStartedError);
    });
  });

  describe('status', () => {
    const publishedAt = Date.parse('2030-01-01T12:00:00.000Z');

    it('shows the published status while the heartbeat is fresh, and stopped once it is older than staleAfterMs', async () => {
      const last = await appendThings(eventStore, 25);
      // A long interval: the host publishes on start and on status changes only.
      const host = await startHost({ controlIntervalMs: 60_000, now: () => publishedAt });
      await host.whenUpToDate(NAME);
      const fresh = control({ now: () => publishedAt + 5000, staleAfterMs: 5000 });
      const [live] = await eventually(() => fresh.list(), ([p]) => p.status === 'running');

      expect(live).toEqual({
        name: NAME,
        version: 1,
        codeVersion: 1,
        status: 'running',
        checkpoint: positionToString(last),
        lag: 0,
        eventsPerSecond: expect.any(Number),
        heartbeatAt: '2030-01-01T12:00:00.000Z',
      });

      const stale = control({ now: () => publishedAt + 5001, staleAfterMs: 5000 });
      expect(await stale.list()).toEqual([{ ...live, status: 'stopped', eventsPerSecond: 0 }]);
    });

    it('computes the lag from the stored checkpoint and the head, live or not', async () => {
      await appendThings(eventStore, 10);
      const host = await startHost({ controlIntervalMs: 60_000, now: () => publishedAt });
      await host.whenUpToDate(NAME);
      await host.stop();
      hosts.splice(0);

      await appendThings(eventStore, 7, { offset: 10 });
      const [info] = await control({ now: () => publishedAt }).list();
      expect(info).toMatchObject({ status: 'stopped', lag: 7, eventsPerSecond: 0 });
    });

    it('keeps a recorded failure visible when the heartbeat is stale', async () => {
      await appendThings(eventStore, 12);
      const bad = (await eventStore.readAll())[5];
      await startHost({ controlIntervalMs: 60_000, now: () => publishedAt }, streamStatsProjection({ failOn: (e) => e.id === bad.id }));
      const fresh = control({ now: () => publishedAt });
      await eventually(() => fresh.list(), ([p]) => p.status === 'failed');

      const [stale] = await control({ now: () => publishedAt + 60_000 }).list();
      expect(stale).toMatchObject({ status: 'failed', eventsPerSecond: 0, failure: { eventId: bad.id, type: bad.type } });
    });

    it('lists a projection no projector has started as stopped at generation 0, everything still to do', async () => {
      await appendThings(eventStore, 4);
      expect(await control().list()).toEqual([
        { name: NAME, version: 0, codeVersion: 1, status: 'stopped', checkpoint: null, lag: 4, eventsPerSecond: 0, heartbeatAt: null },
      ]);
    });

    it('reads stopped, with a fresh heartbeat, after the host stopped cleanly', async () => {
      await appendThings(eventStore, 3);
      const host = await startHost({ controlIntervalMs: 60_000, now: () => publishedAt });
      await host.whenUpToDate(NAME);
      await host.stop();
      hosts.splice(0);

      const [info] = await control({ now: () => publishedAt }).list();
      expect(info).toMatchObject({ status: 'stopped', heartbeatAt: '2030-01-01T12:00:00.000Z' });
    });
  });
});
