import { parsePosition, type EventStore, type Position, type RecordedEvent } from '@trilha/event-store';
import type { ReadStore } from '@trilha/read-store';
import { CheckpointStore } from './checkpoint-store';
import { dropCollections, ensureGenerationCollections, generationCollectionNames } from './generation-collections';
import { physicalCollectionName } from './naming';
import { PeriodicTask } from './periodic-task';
import { prepareProjection } from './prepare-projection';
import { ProjectionCatalogue, type CatalogueEntry, type ProjectionFailure, type ProjectionStatus } from './projection-catalogue';
import type { ProjectionDefinition } from './projection-definition';
import { ProjectionStatusStore, type GenerationStatus } from './projection-status';
import { ProjectionRunner, type RunnerTuning } from './projection-runner';
import { nextGeneration, openRequest } from './rebuild-requests';

export interface ProjectionHostOptions extends RunnerTuning {
  eventStore: EventStore;
  readStore: ReadStore;
  definitions?: ProjectionDefinition[];
  logger?: Pick<Console, 'warn'>;
  /** Lifts old event shapes before the handlers see them (see `upcastWith`). */
  upcast?: (event: RecordedEvent) => RecordedEvent;
  /**
   * When set, the host works with processes that have no host of their own: at this interval
   * (and at once on a status change) it publishes its live status to `_projection_status`, and
   * it carries out the rebuilds they record in the catalogue (StoredProjectionControl).
   * Off by default: in one process, ProjectionHost answers from memory.
   */
  controlIntervalMs?: number;
  /** The clock of the published heartbeat. Default: Date.now. */
  now?: () => number;
  /**
   * How long a generation replaced by a rebuild is kept before its collections are dropped.
   * Queries that looked up the old generation just before the switch (another process caches
   * that lookup for about a second) still find it whole. Default 30 s.
   */
  dropRetiredAfterMs?: number;
}

export interface ProjectionInfo {
  name: string;
  /** The active generation (what queries read). */
  version: number;
  /** Code version of the handler that built the active generation. */
  codeVersion: number;
  status: ProjectionStatus;
  checkpoint: string | null;
  lag: number;
  eventsPerSecond: number;
  failure?: ProjectionFailure;
  rebuilding?: { generation: number; status: ProjectionStatus; checkpoint: string | null; lag: number; eventsPerSecond: number; failure?: ProjectionFailure };
  /** Read from the store by another process: when the host last published its status (null: never). */
  heartbeatAt?: string | null;
  /** Read from the store by another process: a rebuild recorded for this generation, not started yet. */
  rebuildRequested?: number;
}

/** Attempts at starting a rebuild while other processes keep recording requests. */
const REBUILD_ATTEMPTS = 5;

export interface RebuildProgress {
  generation: number;
  /** True once the new generation is active; false if its runner ended first. */
  completed: Promise<boolean>;
}

interface Slot {
  definition: ProjectionDefinition;
  activeGeneration: number;
  active?: ProjectionRunner;
  building?: { runner: ProjectionRunner; completed: Promise<boolean> };
  /** The latest rebuild started by this host, finished or not. */
  lastRebuild?: RebuildProgress;
  /** Drops the retired generations once their grace period is over. */
  dropTimer?: NodeJS.Timeout;
}

const DEFAULT_DROP_RETIRED_AFTER_MS = 30_000;

/**
 * Runs a set of projections in this process. On start each projection runs its active
 * generation; when the code version differs from the one that built it, a rebuild starts.
 * A rebuild (blue/green) builds generation n+1 from the start of `$all` while n keeps serving,
 * then switches the catalogue over in one write and stops n. Old generations stay until dropped.
 */
export class ProjectionHost {
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly catalogue: ProjectionCatalogue;
  private readonly tuning: RunnerTuning & Pick<ProjectionHostOptions, 'logger' | 'upcast'>;
  private readonly definitions = new Map<string, ProjectionDefinition>();
  private readonly slots = new Map<string, Slot>();
  private readonly logger: Pick<Console, 'warn'>;
  private readonly controlIntervalMs: number | undefined;
  private readonly now: () => number;
  private readonly dropRetiredAfterMs: number;
  private control: PeriodicTask | undefined;
  private stopping = false;

  constructor(options: ProjectionHostOptions) {
    const { eventStore, readStore, definitions, controlIntervalMs, now, dropRetiredAfterMs, ...tuning } = options;
    this.eventStore = eventStore;
    this.readStore = readStore;
    this.catalogue = new ProjectionCatalogue(readStore);
    this.tuning = tuning;
    this.logger = tuning.logger ?? console;
    this.controlIntervalMs = controlIntervalMs;
    this.now = now ?? Date.now;
    this.dropRetiredAfterMs = dropRetiredAfterMs ?? DEFAULT_DROP_RETIRED_AFTER_MS;
    for (const definition of definitions ?? []) this.register(definition);
  }

  register(definition: ProjectionDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Projection ${definition.name} is registered twice`);
    // Physical names carry no projection name, so two owners of one collection would collide.
    for (const other of this.definitions.values()) {
      const shared = definition.collections.find((c) => other.collections.some((o) => o.name === c.name));
      if (shared) throw new Error(`Projections ${other.name} and ${definition.name} both declare collection ${shared.name}`);
    }
    this.definitions.set(definition.name, definition);
  }

  /** Starts every registered projection, and a rebuild of those whose code version changed. */
  async start(): Promise<void> {
    this.stopping = false;
    for (const definition of this.definitions.values()) await this.startProjection(definition);
    if (this.controlIntervalMs !== undefined) {
      this.control = new PeriodicTask(() => this.serveOtherProcesses(), this.controlIntervalMs, (error) =>
        this.logger.warn(`Publishing projection status: ${messageOf(error)}`),
      );
      this.control.start();
    }
  }

  /** The projections this host runs. */
  projectionNames(): string[] {
    return [...this.slots.keys()];
  }

  /** The physical collection queries read for a projection's logical collection. */
  collectionName(name: string, logical: string): string {
    const slot = this.slot(name);
    if (!slot.definition.collections.some((c) => c.name === logical)) {
      throw new Error(`Projection ${name} has no collection ${logical}`);
    }
    return physicalCollectionName(logical, slot.activeGeneration);
  }

  /** True once the active generation reflects `position`; false on timeout. */
  async waitFor(name: string, position: Position | string, timeoutMs?: number): Promise<boolean> {
    const target = typeof position === 'string' ? parsePosition(position) : position;
    if (!target) throw new Error(`Not a position: ${String(position)}`);
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    for (;;) {
      const runner = this.slot(name).active;
      if (!runner) return false;
      const remaining = deadline === undefined ? undefined : Math.max(0, deadline - Date.now());
      if (await runner.waitForPosition(target, remaining)) return true;
      // A switch stops the runner we waited on: wait on the new active one.
      const now = this.slot(name).active;
      if (now === runner || now === undefined || (deadline !== undefined && Date.now() >= deadline)) return false;
    }
  }

  /** True once the active generation has caught up with the head read at that moment. */
  async whenUpToDate(name: string): Promise<boolean> {
    return (await this.slot(name).active?.whenUpToDate()) ?? false;
  }

  /**
   * Builds a new generation beside the active one. While one is being built, returns it
   * (restarting its runner if it failed or stopped, from its checkpoint). A generation another
   * process requested and announced (StoredProjectionControl) is built under exactly that number.
   */
  async rebuild(name: string): Promise<RebuildProgress> {
    const slot = this.slot(name);
    for (let attempt = 1; attempt <= REBUILD_ATTEMPTS; attempt++) {
      const entry = await this.entry(name);
      if (entry.buildingGeneration !== null && entry.buildingCodeVersion === slot.definition.version) {
        const progress = this.buildInProgress(slot) ?? (await this.runBuilding(slot, entry.buildingGeneration));
        if (entry.requestedGeneration === entry.buildingGeneration) await this.catalogue.clearRequest(name, entry.buildingGeneration);
        return progress;
      }
      if (entry.buildingGeneration !== null) {
        await this.abandonBuilding(slot, entry);
        continue;
      }
      const generation = openRequest(entry) ?? nextGeneration(entry);
      const collections = generationCollectionNames(slot.definition, generation);
      if (await this.catalogue.startBuilding(entry, generation, slot.definition.version, collections)) return this.runBuilding(slot, generation);
      // Another process recorded a request meanwhile: read the entry again.
    }
    throw new Error(`Could not start a rebuild of ${name}: its catalogue entry kept changing`);
  }

  /** The latest rebuild this host started for `name` (also one started by `start`). */
  rebuildProgress(name: string): RebuildProgress | undefined {
    return this.slot(name).lastRebuild;
  }

  /**
   * Restarts the active generation's runner (e.g. after a failure was fixed) from its checkpoint,
   * and a rebuild's runner that failed or stopped.
   */
  async restart(name: string): Promise<void> {
    const slot = this.slot(name);
    await slot.active?.stop();
    slot.active = await this.startRunner(slot.definition, slot.activeGeneration);
    if (slot.building && !this.buildInProgress(slot)) await this.runBuilding(slot, slot.building.runner.generation);
    this.control?.poke();
  }

  /** Drops a retired generation's collections and checkpoint. */
  async drop(name: string, generation: number): Promise<void> {
    const entry = await this.entry(name);
    if (generation === entry.activeGeneration || generation === entry.buildingGeneration) {
      throw new Error(`Generation ${generation} of ${name} is in use and cannot be dropped`);
    }
    const retired = entry.retired.find((r) => r.generation === generation);
    const definition = this.definitions.get(name);
    const collections = retired?.collections ?? definition?.collections.map((c) => physicalCollectionName(c.name, generation)) ?? [];
    await dropCollections(this.readStore, collections);
    await this.readStore.commit([CheckpointStore.remove(name, generation)]);
    await this.catalogue.setRetired(name, entry.retired.filter((r) => r.generation !== generation));
  }

  async list(): Promise<ProjectionInfo[]> {
    const head = await this.eventStore.headPosition();
    const infos: ProjectionInfo[] = [];
    for (const [name, slot] of this.slots) {
      const entry = await this.catalogue.get(name);
      const active = slot.active?.metrics(head);
      const info: ProjectionInfo = {
        name,
        version: slot.activeGeneration,
        codeVersion: entry?.codeVersion ?? slot.definition.version,
        status: active?.status ?? entry?.status ?? 'stopped',
        checkpoint: active?.checkpoint ?? null,
        lag: active?.lag ?? 0,
        eventsPerSecond: active?.eventsPerSecond ?? 0,
      };
      if (active?.failure) info.failure = active.failure;
      if (slot.building) {
        const building = slot.building.runner.metrics(head);
        info.rebuilding = { generation: building.generation, status: building.status, checkpoint: building.checkpoint, lag: building.lag, eventsPerSecond: building.eventsPerSecond };
        if (building.failure) info.rebuilding.failure = building.failure;
      }
      infos.push(info);
    }
    return infos;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const control = this.control;
    this.control = undefined;
    await control?.stop();
    for (const slot of this.slots.values()) clearTimeout(slot.dropTimer);
    const runners = [...this.slots.values()].flatMap((s) => [s.active, s.building?.runner]);
    await Promise.all(runners.map((r) => r?.stop()));
    // A last report, so that other processes see `stopped` rather than a stale `running`.
    if (control) await this.publishStatus().catch((error) => this.logger.warn(`Publishing projection status: ${messageOf(error)}`));
  }

  /** One round of the cross-process control: carry out recorded rebuild requests, publish status. */
  private async serveOtherProcesses(): Promise<void> {
    for (const name of this.slots.keys()) {
      if (this.stopping) return;
      await this.takeRebuildRequest(name).catch((error) => this.logger.warn(`Rebuild of ${name} requested by another process: ${messageOf(error)}`));
      await this.takeRestartRequest(name).catch((error) => this.logger.warn(`Restart of ${name} requested by another process: ${messageOf(error)}`));
    }
    await this.publishStatus();
  }

  private async takeRebuildRequest(name: string): Promise<void> {
    const entry = await this.entry(name);
    const requested = entry.requestedGeneration ?? null;
    if (requested === null) return;
    if (openRequest(entry) === null) await this.catalogue.clearRequest(name, requested);
    else await this.rebuild(name);
  }

  private async takeRestartRequest(name: string): Promise<void> {
    const request = (await this.entry(name)).restartRequest ?? null;
    if (request === null) return;
    await this.catalogue.clearRestartRequest(name, request);
    await this.restart(name);
  }

  private async publishStatus(): Promise<void> {
    const heartbeatAt = new Date(this.now()).toISOString();
    const writes = [...this.slots].map(([name, slot]) => {
      const runners = [slot.active, slot.building?.runner].filter((r): r is ProjectionRunner => r !== undefined);
      return ProjectionStatusStore.write(name, heartbeatAt, runners.map(generationStatus));
    });
    if (writes.length > 0) await this.readStore.commit(writes);
  }

  private async startProjection(definition: ProjectionDefinition): Promise<void> {
    const entry = await prepareProjection(this.readStore, definition);
    const slot: Slot = { definition, activeGeneration: entry.activeGeneration };
    this.slots.set(definition.name, slot);
    slot.active = await this.startRunner(definition, entry.activeGeneration);
    let resumable = entry.buildingGeneration !== null;
    if (resumable && entry.buildingCodeVersion !== definition.version) {
      await this.abandonBuilding(slot, entry);
      resumable = false;
    }
    if (resumable || entry.codeVersion !== definition.version) await this.rebuild(definition.name);
    if (entry.retired.length > 0) this.dropRetiredLater(slot);
  }

  /** After the grace period, drops every retired generation of the slot's projection. */
  private dropRetiredLater(slot: Slot): void {
    clearTimeout(slot.dropTimer);
    const name = slot.definition.name;
    slot.dropTimer = setTimeout(() => {
      slot.dropTimer = undefined;
      if (!this.stopping) void this.dropRetired(name).catch((error) => this.logger.warn(`Dropping retired generations of ${name}: ${messageOf(error)}`));
    }, this.dropRetiredAfterMs);
    slot.dropTimer.unref();
  }

  /**
   * Drops every retired generation now, without waiting for the grace period: after an erasure,
   * whose personal data they still hold (ADR 0017).
   */
  async dropRetiredGenerations(): Promise<void> {
    for (const [name, slot] of this.slots) {
      if (this.stopping) return;
      clearTimeout(slot.dropTimer);
      await this.dropRetired(name);
    }
  }

  private async dropRetired(name: string): Promise<void> {
    for (const { generation } of (await this.entry(name)).retired) {
      if (this.stopping) return;
      await this.drop(name, generation);
    }
  }

  private buildInProgress(slot: Slot): RebuildProgress | undefined {
    const current = slot.building;
    if (!current || (current.runner.status !== 'running' && current.runner.status !== 'catching-up')) return undefined;
    return { generation: current.runner.generation, completed: current.completed };
  }

  private async runBuilding(slot: Slot, generation: number): Promise<RebuildProgress> {
    await slot.building?.runner.stop();
    // Idempotent; also covers a crash between recording the generation and creating its collections.
    await ensureGenerationCollections(this.readStore, slot.definition, generation);
    const runner = await this.startRunner(slot.definition, generation);
    const completed = this.switchWhenUpToDate(slot, runner);
    slot.building = { runner, completed };
    slot.lastRebuild = { generation, completed };
    return slot.lastRebuild;
  }

  /** Never rejects: nobody may be awaiting a rebuild started by `start`. */
  private async switchWhenUpToDate(slot: Slot, runner: ProjectionRunner): Promise<boolean> {
    try {
      return await this.switchOver(slot, runner);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Switching ${runner.name} to generation ${runner.generation} failed: ${message}`);
      return false;
    }
  }

  private async switchOver(slot: Slot, runner: ProjectionRunner): Promise<boolean> {
    if (!(await runner.whenUpToDate())) return false;
    if (this.stopping || slot.building?.runner !== runner) return false;
    const entry = await this.entry(slot.definition.name);
    if (entry.buildingGeneration !== runner.generation) return false;
    await this.catalogue.switchToBuilding(entry, runner.status);
    const previous = slot.active;
    slot.active = runner;
    slot.activeGeneration = runner.generation;
    slot.building = undefined;
    this.control?.poke();
    await previous?.stop();
    this.dropRetiredLater(slot);
    return true;
  }

  /** A generation built by another code version is of no use: drop it. */
  private async abandonBuilding(slot: Slot, entry: CatalogueEntry): Promise<void> {
    const generation = entry.buildingGeneration!;
    await slot.building?.runner.stop();
    slot.building = undefined;
    await this.catalogue.clearBuilding(entry._id);
    // A request to restart it would otherwise build the same number again.
    if (entry.requestedGeneration === generation) await this.catalogue.clearRequest(entry._id, generation);
    await dropCollections(this.readStore, entry.buildingCollections ?? []);
    await this.readStore.commit([CheckpointStore.remove(entry._id, generation)]);
  }

  private async startRunner(definition: ProjectionDefinition, generation: number): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner({
      ...this.tuning,
      eventStore: this.eventStore,
      readStore: this.readStore,
      definition,
      generation,
      onStatusChange: () => this.control?.poke(),
    });
    await runner.start();
    return runner;
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`Projection ${name} is not running in this host`);
    return slot;
  }

  private async entry(name: string): Promise<CatalogueEntry> {
    const entry = await this.catalogue.get(name);
    if (!entry) throw new Error(`Projection ${name} has no catalogue entry`);
    return entry;
  }
}

function generationStatus(runner: ProjectionRunner): GenerationStatus {
  const { generation, status, checkpoint, eventsPerSecond, failure } = runner.metrics(undefined);
  // The meter remembers the last window; a runner that ended processes nothing now.
  const consuming = status === 'running' || status === 'catching-up';
  return { generation, status, checkpoint, eventsPerSecond: consuming ? eventsPerSecond : 0, failure };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
