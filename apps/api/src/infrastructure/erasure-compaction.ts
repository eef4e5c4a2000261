import type { Position } from '@trilha/event-store';

/** A store whose files can be rid of old page images (SqliteReadStore). */
interface Compactable {
  compact(): Promise<boolean>;
}

function isCompactable(store: unknown): store is Compactable {
  return typeof store === 'object' && store !== null && typeof (store as Partial<Compactable>).compact === 'function';
}

const ATTEMPTS = 5;

/**
 * After an erasure has been projected, the SQLite read store's WAL still holds the page images
 * written before the placeholders: they are checkpointed and the WAL truncated (ADR 0017).
 * - `afterErasure(position)`: the DELETE waits (bounded) for the projections of this process to
 *   pass the CustomerDeleted, then compacts, so its answer comes once the files are clean.
 * - `schedule()`: whenever a projection reads a CustomerDeleted (a rebuild, a separate projector),
 *   a compaction runs shortly after, once its batch is committed.
 * MongoDB and EventStoreDB have no such files here; the event store never holds plaintext.
 */
export class ErasureCompaction {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stores: unknown[],
    private readonly projectionsPassed: (position: Position) => Promise<void> = async () => undefined,
    private readonly delayMs = 1000,
    private readonly logger: Pick<Console, 'warn'> = console,
  ) {}

  async afterErasure(position: Position | undefined): Promise<void> {
    if (position) await this.projectionsPassed(position);
    await this.compactNow();
  }

  schedule(): void {
    if (!this.stores.some(isCompactable)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.compactNow(), this.delayMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  async compactNow(): Promise<void> {
    for (const store of this.stores.filter(isCompactable)) {
      try {
        let done = false;
        for (let attempt = 0; attempt < ATTEMPTS && !done; attempt++) {
          done = await store.compact();
          if (!done) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // A reader kept part of the WAL: the next commit's schedule() tries again.
        if (!done) this.schedule();
      } catch (error) {
        this.logger.warn(`Compaction after an erasure failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
