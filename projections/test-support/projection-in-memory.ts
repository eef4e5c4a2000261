import type { RecordedEvent } from '@trilha/event-store';
import type { ProjectionDefinition } from '@trilha/projection';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';

/** A projection's collections in an in-memory SQLite read store, as the projection specs use it. */
export interface ProjectionInMemory {
  /** The current test's read store. */
  readonly readStore: SqliteReadStore;
  /** Projects the events through the definition's handler and commits their writes as one unit. */
  feed(batch: RecordedEvent[]): Promise<void>;
  /** Closes the current read store and opens an empty one (a rebuild from nothing). */
  reset(): Promise<void>;
}

/** A new in-memory read store holding the definition's collections. */
export async function openProjectionStore(definition: ProjectionDefinition): Promise<SqliteReadStore> {
  const store = new SqliteReadStore(':memory:');
  for (const spec of definition.collections) await store.ensureCollection(spec);
  return store;
}

/**
 * Call inside a `describe`: opens the read store before each test (ahead of the hooks declared
 * after this call) and closes it after each.
 */
export function projectionInMemory(definition: ProjectionDefinition): ProjectionInMemory {
  let current: SqliteReadStore | undefined;
  const opened = (): SqliteReadStore => {
    if (!current) throw new Error('The read store is opened before each test');
    return current;
  };
  beforeEach(async () => {
    current = await openProjectionStore(definition);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get readStore() {
      return opened();
    },
    feed: (batch) => opened().commit(batch.flatMap((event) => definition.handle(event))),
    reset: async () => {
      await opened().close();
      current = await openProjectionStore(definition);
    },
  };
}
