import { comparePositions, parsePosition, type Position } from '@trilha/event-store';
import type { ReadStore } from '@trilha/read-store';
import { CheckpointStore } from './checkpoint-store';
import { physicalCollectionName } from './naming';
import { ProjectionCatalogue } from './projection-catalogue';

export interface ProjectionReadSideOptions {
  /** How long a looked-up active generation is reused. Default 1000 ms; 0 reads every time. */
  cacheMs?: number;
  /** How often `waitFor` re-reads the checkpoint. Default 50 ms. */
  pollIntervalMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The projection has no entry in the stored catalogue yet: its projector has not registered it. */
export class ProjectionNotRegisteredError extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} is not in the catalogue`);
    this.name = 'ProjectionNotRegisteredError';
  }
}

/**
 * What the query side needs from the projections when they run in another process: the active
 * generation's collection names and its stored checkpoint, both read from the read store.
 * (In the same process, ProjectionHost answers the same questions from memory.)
 */
export class ProjectionReadSide {
  private readonly catalogue: ProjectionCatalogue;
  private readonly checkpoints: CheckpointStore;
  private readonly cacheMs: number;
  private readonly pollIntervalMs: number;
  private readonly generations = new Map<string, { generation: number; readAt: number }>();

  constructor(readStore: ReadStore, options: ProjectionReadSideOptions = {}) {
    this.catalogue = new ProjectionCatalogue(readStore);
    this.checkpoints = new CheckpointStore(readStore);
    this.cacheMs = options.cacheMs ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  async activeGeneration(name: string): Promise<number> {
    const cached = this.generations.get(name);
    if (cached && Date.now() - cached.readAt < this.cacheMs) return cached.generation;
    const entry = await this.catalogue.get(name);
    if (!entry) throw new ProjectionNotRegisteredError(name);
    this.generations.set(name, { generation: entry.activeGeneration, readAt: Date.now() });
    return entry.activeGeneration;
  }

  async collectionName(name: string, logical: string): Promise<string> {
    return physicalCollectionName(logical, await this.activeGeneration(name));
  }

  async checkpoint(name: string): Promise<Position | undefined> {
    return this.checkpoints.read(name, await this.activeGeneration(name));
  }

  /** True once the active generation's stored checkpoint reaches `position`; false on timeout. */
  async waitFor(name: string, position: Position | string, timeoutMs: number): Promise<boolean> {
    const target = typeof position === 'string' ? parsePosition(position) : position;
    if (!target) throw new Error(`Not a position: ${String(position)}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoint = await this.checkpoint(name);
      if (checkpoint && comparePositions(checkpoint, target) >= 0) return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await sleep(Math.min(this.pollIntervalMs, remaining));
    }
  }
}
