import { comparePositions, type Position } from '@trilha/event-store';
import { CheckpointStore, ProjectionCatalogue, physicalCollectionName, type ProjectionHost } from '@trilha/projection';
import type { Collection, Document, ReadStore } from '@trilha/read-store';

/** Upper bound of `?minPosition=` waiting (API.md: bounded, ≤ 5 s). */
export const MAX_MIN_POSITION_WAIT_MS = 5000;
const POLL_MS = 25;

/**
 * The query side's view of the read models. The active generation comes from the catalogue in
 * the read store, so queries work whether the projections run in this process or in a separate
 * projector. When they run here, waiting for a position wakes up as soon as a batch lands.
 */
export class ReadModels {
  private readonly catalogue: ProjectionCatalogue;
  private readonly checkpoints: CheckpointStore;

  constructor(private readonly readStore: ReadStore, private readonly host?: ProjectionHost) {
    this.catalogue = new ProjectionCatalogue(readStore);
    this.checkpoints = new CheckpointStore(readStore);
  }

  /** The active physical collection of a projection's logical collection. */
  async collection<T extends Document>(projection: string, logical: string): Promise<Collection<T>> {
    const entry = await this.catalogue.get(projection);
    const generation = entry?.activeGeneration ?? 1;
    return this.readStore.collection<T>(physicalCollectionName(logical, generation));
  }

  /** Waits until the projection has applied `position`; false when the wait timed out. */
  async waitFor(projection: string, position: Position, timeoutMs = MAX_MIN_POSITION_WAIT_MS): Promise<boolean> {
    if (this.host) return this.host.waitFor(projection, position, timeoutMs);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const entry = await this.catalogue.get(projection);
      const checkpoint = entry ? await this.checkpoints.read(projection, entry.activeGeneration) : undefined;
      if (checkpoint && comparePositions(checkpoint, position) >= 0) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

