import type { Position } from '@trilha/event-store';
import { ProjectionNotRegisteredError, ProjectionReadSide, type ProjectionHost } from '@trilha/projection';
import type { Collection, Document, ReadStore } from '@trilha/read-store';
import { ReadModelUnavailableException } from './read-model-unavailable';

/** Upper bound of `?minPosition=` waiting (API.md: bounded, ≤ 5 s). */
export const MAX_MIN_POSITION_WAIT_MS = 5000;

/**
 * The query side's view of the read models: the host's memory when the projections run in this
 * process, else the catalogue and checkpoints stored in the read store by the projector.
 */
export class ReadModels {
  private readonly readSide: ProjectionReadSide;

  constructor(private readonly readStore: ReadStore, private readonly host?: ProjectionHost) {
    this.readSide = new ProjectionReadSide(readStore);
  }

  /**
   * The active physical collection of a projection's logical collection.
   * Throws ReadModelUnavailableException (503) while a projector in another process has not registered it.
   */
  async collection<T extends Document>(projection: string, logical: string): Promise<Collection<T>> {
    const name = this.host ? this.host.collectionName(projection, logical) : await unlessUnregistered(this.readSide.collectionName(projection, logical));
    return this.readStore.collection<T>(name);
  }

  /** Waits until the projection has applied `position`; false when the wait timed out. */
  waitFor(projection: string, position: Position, timeoutMs = MAX_MIN_POSITION_WAIT_MS): Promise<boolean> {
    return this.host ? this.host.waitFor(projection, position, timeoutMs) : unlessUnregistered(this.readSide.waitFor(projection, position, timeoutMs));
  }
}

async function unlessUnregistered<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ProjectionNotRegisteredError) throw new ReadModelUnavailableException(error.projection);
    throw error;
  }
}
