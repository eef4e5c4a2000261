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
 * After an erasure has been projected, generations retired by a rebuild still hold the personal
 * data (they no longer follow the log): they are dropped at once. And the SQLite read store's WAL
 * still holds the page images written before the placeholders: they are checkpointed and the WAL
 * truncated (ADR 0017).
 * - `afterErasure(position)`: the DELETE waits (bounded) for the projections of this process to
 *   pass the CustomerDeleted, then compacts, so its answer comes once the files are clean.
 * - `schedule()`: whenever a projection reads a CustomerDeleted (a rebuild, a separate projector),
 *   a compaction runs shortly after, once its batch is committed.
 * MongoDB and EventStoreDB have no such files here; the event store never holds plaintext.
 */
export interface ErasureCompactionOptions {
  /** Resolves once this process's projections have passed `position` (bounded). */
  projectionsPassed?: (position: Position) => Promise<void>;
  /**
   * Drops the generations a rebuild replaced: they stopped following the log, so they still
   * hold what the erasure overwrote in the serving ones. An erasure cannot wait for their grace period.
   */
  dropRetiredGenerations?: () => Promise<void>;
  delayMs?: number;
  logger?: Pick<Console, 'warn'>;
}

export class ErasureCompaction {
  private timer: NodeJS.Timeout | undefined;
  private readonly projectionsPassed: (position: Position) => Promise<void>;
  private readonly dropRetiredGenerations: () => Promise<void>;
  private readonly delayMs: number;
  private readonly logger: Pick<Console, 'warn'>;

  constructor(
    private readonly stores: unknown[],
    options: ErasureCompactionOptions = {},
  ) {
    this.projectionsPassed = options.projectionsPassed ?? (async () => undefined);
    this.dropRetiredGenerations = options.dropRetiredGenerations ?? (async () => undefined);
    this.delayMs = options.delayMs ?? 1000;
    this.logger = options.logger ?? console;
  }

  async afterErasure(position: Position | undefined): Promise<void> {
    if (position) await this.projectionsPassed(position);
    await this.compactNow();
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.compactNow(), this.delayMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  async compactNow(): Promise<void> {
    await this.dropRetiredGenerations().catch((error) => this.logger.warn(`Dropping retired generations after an erasure failed: ${messageOf(error)}`));
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
        this.logger.warn(`Compaction after an erasure failed: ${messageOf(error)}`);
      }
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
