import { InMemoryEventStore } from '@trilha/event-store';
import { ProjectionHost, ProjectionReadSide } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { appendThings } from './support/events';
import { EVENTS_SEEN, streamStatsProjection } from './support/stream-stats.projection';
import { describeOnEachReadStore } from './support/read-stores';

const NAME = 'stream-stats';

describeOnEachReadStore('ProjectionReadSide', (openReadStore) => {
  let eventStore: InMemoryEventStore;
  let readStore: ReadStore;
  let host: ProjectionHost;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    readStore = await openReadStore();
    host = new ProjectionHost({ eventStore, readStore, definitions: [streamStatsProjection()] });
    await host.start();
  });
  afterEach(async () => {
    await host.stop();
    await eventStore.close();
    await readStore.close();
  });

  it('finds the active generation and its stored checkpoint in the read store, as another process would', async () => {
    const readSide = new ProjectionReadSide(readStore, { cacheMs: 0, pollIntervalMs: 5 });
    const position = await appendThings(eventStore, 15);

    expect(await readSide.waitFor(NAME, position, 10_000)).toBe(true);
    expect(await readSide.checkpoint(NAME)).toEqual(position);
    expect(await readSide.collectionName(NAME, EVENTS_SEEN)).toBe('events_seen_v1');

    expect(await (await host.rebuild(NAME)).completed).toBe(true);
    expect(await readSide.collectionName(NAME, EVENTS_SEEN)).toBe('events_seen_v2');
    expect(await readSide.waitFor(NAME, position, 10_000)).toBe(true);
  });

  it('answers false when the position is not reached in time, and refuses unknown projections', async () => {
    const readSide = new ProjectionReadSide(readStore, { cacheMs: 0, pollIntervalMs: 5 });
    expect(await readSide.waitFor(NAME, '99', 20)).toBe(false);
    await expect(readSide.collectionName('nope', 'x')).rejects.toThrow(/not in the catalogue/);
  });
});
