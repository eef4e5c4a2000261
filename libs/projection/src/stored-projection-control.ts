import { randomUUID } from 'node:crypto';
import { comparePositions, parsePosition, positionToString, type EventStore, type Position } from '@trilha/event-store';
import type { ReadStore } from '@trilha/read-store';
import { CheckpointStore } from './checkpoint-store';
import { positionLag } from './position-lag';
import { ProjectionCatalogue, type CatalogueEntry, type ProjectionFailure, type ProjectionStatus } from './projection-catalogue';
import { ProjectionNotStartedError, UnknownProjectionError, type ProjectionControl } from './projection-control';
import type { ProjectionDefinition } from './projection-definition';
import type { ProjectionInfo } from './projection-host';
import { ProjectionStatusStore, type GenerationStatus, type StatusDocument } from './projection-status';
import { generationUnderway, nextGeneration, openRequest } from './rebuild-requests';

export interface StoredProjectionControlOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** The projections that exist (the same list the projector runs), listed in this order. */
  definitions: Array<Pick<ProjectionDefinition, 'name' | 'version'>>;
  /** A status published longer ago than this is not shown as live. Default 5000 ms. */
  staleAfterMs?: number;
  now?: () => number;
}

/** Attempts at recording a request while other processes keep changing the entry. */
const REQUEST_ATTEMPTS = 5;

/**
 * Projection control for a process without a ProjectionHost (the api beside a projector): reads
 * the catalogue, the checkpoints and the status the host publishes, and records rebuild requests
 * in the catalogue for the host to carry out (ProjectionHost `controlIntervalMs`).
 */
export class StoredProjectionControl implements ProjectionControl {
  private readonly eventStore: EventStore;
  private readonly catalogue: ProjectionCatalogue;
  private readonly checkpoints: CheckpointStore;
  private readonly statuses: ProjectionStatusStore;
  private readonly definitions: StoredProjectionControlOptions['definitions'];
  private readonly staleAfterMs: number;
  private readonly now: () => number;

  constructor(options: StoredProjectionControlOptions) {
    this.eventStore = options.eventStore;
    this.catalogue = new ProjectionCatalogue(options.readStore);
    this.checkpoints = new CheckpointStore(options.readStore);
    this.statuses = new ProjectionStatusStore(options.readStore);
    this.definitions = options.definitions;
    this.staleAfterMs = options.staleAfterMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  async list(): Promise<ProjectionInfo[]> {
    const head = await this.eventStore.headPosition();
    const infos: ProjectionInfo[] = [];
    for (const definition of this.definitions) infos.push(await this.describe(definition, head));
    return infos;
  }

  /**
   * Records the request in the catalogue, allocating the next generation number in the same
   * write, so the answer names the generation the host will build. A request while one is
   * pending or a generation is being built returns that generation (and asks the host to
   * restart its runner if it stopped, as an in-process rebuild does).
   */
  async requestRebuild(name: string): Promise<number> {
    if (!this.definitions.some((d) => d.name === name)) throw new UnknownProjectionError(name);
    for (let attempt = 1; attempt <= REQUEST_ATTEMPTS; attempt++) {
      const entry = await this.entry(name);
      const pending = openRequest(entry);
      if (pending !== null) return pending;
      await this.catalogue.requestGeneration(entry, entry.buildingGeneration ?? nextGeneration(entry));
      // Whichever write won (ours, another api's, or the host starting a build), it is now recorded.
      const underway = generationUnderway(await this.entry(name));
      if (underway !== null) return underway;
    }
    throw new Error(`Could not record a rebuild of ${name}: its catalogue entry kept changing`);
  }

  /** Records the request in the catalogue; the host carries it out on its next control round. */
  async requestRestart(name: string): Promise<void> {
    if (!this.definitions.some((d) => d.name === name)) throw new UnknownProjectionError(name);
    await this.entry(name);
    await this.catalogue.requestRestart(name, randomUUID());
  }

  private async entry(name: string): Promise<CatalogueEntry> {
    const entry = await this.catalogue.get(name);
    if (!entry) throw new ProjectionNotStartedError(name);
    return entry;
  }

  private async describe(definition: Pick<ProjectionDefinition, 'name' | 'version'>, head: Position | undefined): Promise<ProjectionInfo> {
    const { name } = definition;
    const entry = await this.catalogue.get(name);
    if (!entry) {
      // No projector has run it: no generation exists, everything is still to project.
      const lag = positionLag(head, undefined);
      return { name, version: 0, codeVersion: definition.version, status: 'stopped', checkpoint: null, lag, eventsPerSecond: 0, heartbeatAt: null };
    }
    const published = await this.statuses.get(name);
    const live = this.isFresh(published) ? published : null;
    const active = await this.generation(name, entry.activeGeneration, live, entry.status, entry.failure, head);
    const info: ProjectionInfo = {
      name,
      version: entry.activeGeneration,
      codeVersion: entry.codeVersion,
      status: active.status,
      checkpoint: active.checkpoint,
      lag: active.lag,
      eventsPerSecond: active.eventsPerSecond,
      heartbeatAt: published?.heartbeatAt ?? null,
    };
    if (active.failure) info.failure = active.failure;
    if (entry.buildingGeneration !== null) {
      const building = await this.generation(name, entry.buildingGeneration, live, entry.buildingStatus ?? 'stopped', entry.buildingFailure, head);
      info.rebuilding = { generation: entry.buildingGeneration, status: building.status, checkpoint: building.checkpoint, lag: building.lag, eventsPerSecond: building.eventsPerSecond };
      if (building.failure) info.rebuilding.failure = building.failure;
    }
    const requested = openRequest(entry);
    if (requested !== null && requested !== entry.buildingGeneration) info.rebuildRequested = requested;
    return info;
  }

  /**
   * One generation's figures. Status and rate come from a fresh heartbeat; without one the
   * generation is `stopped` (or `failed` when the catalogue records a failure), with no rate.
   * The checkpoint is the later of the stored one and the published one; lag is computed now.
   */
  private async generation(
    name: string,
    generation: number,
    live: StatusDocument | null,
    storedStatus: ProjectionStatus,
    storedFailure: ProjectionFailure | null,
    head: Position | undefined,
  ) {
    const published: GenerationStatus | undefined = live?.generations.find((g) => g.generation === generation);
    const status: ProjectionStatus = published?.status ?? (live ? storedStatus : storedStatus === 'failed' ? 'failed' : 'stopped');
    const failure = published ? published.failure : storedFailure;
    const checkpoint = later(await this.checkpoints.read(name, generation), parsePosition(published?.checkpoint ?? ''));
    return {
      status,
      failure,
      checkpoint: checkpoint ? positionToString(checkpoint) : null,
      lag: positionLag(head, checkpoint),
      eventsPerSecond: published?.eventsPerSecond ?? 0,
    };
  }

  private isFresh(doc: StatusDocument | null): doc is StatusDocument {
    if (!doc) return false;
    const at = Date.parse(doc.heartbeatAt);
    return Number.isFinite(at) && this.now() - at <= this.staleAfterMs;
  }
}

function later(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a) return b;
  if (!b) return a;
  return comparePositions(a, b) >= 0 ? a : b;
}
