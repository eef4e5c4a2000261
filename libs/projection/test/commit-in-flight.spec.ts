import { InMemoryEventStore, positionToString, type RecordedEvent } from '@trilha/event-store';
import { CHECKPOINTS_COLLECTION, ProjectionRunner, prepareProjection, type ProjectionDefinition } from '@trilha/projection';
import type { CollectionWrite, ReadStore } from '@trilha/read-store';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import { appendThings } from './support/events';
import { eventually } from './support/eventually';
import { readModel, storedCheckpoint } from './support/read-model';
import { EVENTS_SEEN, streamStatsProjection } from './support/stream-stats.projection';

/**
 * A real read store whose batch commits (those that write a checkpoint) wait until the test
 * lets each one through, as a store that commits on another thread or server takes its time;
 * `failing` ones are refused instead. Other writes (status reports) pass at once.
 */
class GatedReadStore {
  readonly log: string[] = [];
  private released = 0;
  private started = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly inner: ReadStore,
    private readonly failing = new Set<number>(),
  ) {}

  get store(): ReadStore {
    return new Proxy(this.inner, {
      get: (target, property) =>
        property === 'commit' ? (writes: CollectionWrite[]) => this.commit(writes) : (target as never as Record<PropertyKey, unknown>)[property as string],
    });
  }

  get commitsStarted(): number {
    return this.started;
  }

  /** Lets the next `count` commits through. */
  release(count = 1): void {
    this.released += count;
    this.waiting.splice(0).forEach((wake) => wake());
  }

  private async commit(writes: CollectionWrite[]): Promise<void> {
    if (!writes.some((w) => w.collection === CHECKPOINTS_COLLECTION)) return this.inner.commit(writes);
    const n = ++this.started;
    this.log.push(`commit ${n} start`);
    while (this.released < n) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failing.has(n)) {
      this.log.push(`commit ${n} refused`);
      throw new Error(`commit ${n} refused`);
    }
    await this.inner.commit(writes);
    this.log.push(`commit ${n} end`);
  }
}

describe('ProjectionRunner with a commit in flight', () => {
  let eventStore: InMemoryEventStore;
  let gated: GatedReadStore;
  const runners: ProjectionRunner[] = [];

  afterEach(async () => {
    gated.release(1_000);
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await eventStore.close();
    await gated.inner.close();
  });

  async function start(failing: number[] = [], log?: string[]): Promise<{ runner: ProjectionRunner; definition: ProjectionDefinition }> {
    eventStore = new InMemoryEventStore();
    const inner = new SqliteReadStore(':memory:');
    gated = new GatedReadStore(inner, new Set(failing));
    const stats = streamStatsProjection();
    const definition: ProjectionDefinition = {
      ...stats,
      handle: (event: RecordedEvent) => {
        (log ?? gated.log).push(`handle ${event.data.index}`);
        return stats.handle(event);
      },
    };
    const entry = await prepareProjection(inner, definition);
    await appendThings(eventStore, 8);
    const runner = new ProjectionRunner({ eventStore, readStore: gated.store, definition, generation: entry.activeGeneration, batchSize: 2 });
    runners.push(runner);
    await runner.start();
    return { runner, definition };
  }

  it('projects the next batch while a commit is in flight, and starts no commit before the previous one landed', async () => {
    const { runner } = await start();

    await eventually(async () => gated.log, (log) => log.includes('handle 3'));
    expect(gated.commitsStarted).toBe(1);
    expect(gated.log).toEqual(['handle 0', 'handle 1', 'commit 1 start', 'handle 2', 'handle 3']);

    gated.release(1_000);
    expect(await runner.whenUpToDate()).toBe(true);
    const commits = gated.log.filter((line) => line.startsWith('commit'));
    expect(commits).toEqual(['commit 1 start', 'commit 1 end', 'commit 2 start', 'commit 2 end', 'commit 3 start', 'commit 3 end', 'commit 4 start', 'commit 4 end']);
  });

  it('reports a position reached only once the commit holding it has landed', async () => {
    const { runner } = await start();
    const second = (await eventStore.readAll())[1];
    let reached = false;
    void runner.waitForPosition(second.position).then((ok) => (reached = ok));

    await eventually(async () => gated.log, (log) => log.includes('handle 3'));
    expect(reached).toBe(false);
    expect(runner.checkpoint).toBeUndefined();

    gated.release(1);
    await eventually(async () => reached, (ok) => ok);
    expect(runner.checkpoint).toEqual(second.position);
  });

  it('stops at a refused commit: the batch projected after it is never written', async () => {
    const { runner, definition } = await start([2]);
    const events = await eventStore.readAll();

    gated.release(1);
    // Batch 3 is projected while commit 2 is held…
    await eventually(async () => gated.log, (log) => log.includes('handle 5'));
    // …and commit 2 is then refused.
    gated.release(1_000);
    await runner.whenFinished();

    expect(runner.status).toBe('failed');
    expect(runner.failure).toMatchObject({
      position: positionToString(events[2].position),
      error: `Commit of events ${positionToString(events[2].position)}..${positionToString(events[3].position)} failed: commit 2 refused`,
    });
    expect(gated.log.filter((line) => line.startsWith('commit'))).toEqual(['commit 1 start', 'commit 1 end', 'commit 2 start', 'commit 2 refused']);
    expect(await storedCheckpoint(gated.inner, definition.name, 1)).toBe(positionToString(events[1].position));
    const seen = (await readModel(gated.inner, definition, 1))[EVENTS_SEEN].map((doc) => doc._id).sort();
    expect(seen).toEqual([events[0].id, events[1].id].sort());
  });
});
