import type { CollectionWrite, Document, ReadStore } from '@trilha/read-store';
import { CATALOGUE_COLLECTION, CHECKPOINTS_COLLECTION, STATUS_COLLECTION } from './naming';

export type ProjectionStatus = 'running' | 'catching-up' | 'failed' | 'stopped';

/** Why a projection generation stopped. `eventId`/`type` are null when no single event is to blame. */
export interface ProjectionFailure {
  eventId: string | null;
  position: string | null;
  type: string | null;
  error: string;
}

/** A generation replaced by a rebuild, kept until dropped. */
export interface RetiredGeneration {
  generation: number;
  collections: string[];
}

/**
 * One catalogue document per projection. Fields are flat so that a runner can report its status
 * with conditional updates, without knowing whether its generation is active or being built.
 */
export type CatalogueEntry = Document & {
  activeGeneration: number;
  /** Code version of the handler that built the active generation. */
  codeVersion: number;
  status: ProjectionStatus;
  failure: ProjectionFailure | null;
  /** Physical collections of the active generation. */
  activeCollections: string[];
  buildingGeneration: number | null;
  buildingCodeVersion: number | null;
  buildingStatus: ProjectionStatus | null;
  buildingFailure: ProjectionFailure | null;
  buildingCollections: string[] | null;
  retired: RetiredGeneration[];
  /** The highest generation ever created or promised, so that numbers are never reused. */
  lastGeneration: number;
  /**
   * A rebuild asked for by another process (see rebuild-requests.ts): the generation the host is
   * to build, or the one being built when it is to be restarted. Absent in older entries.
   */
  requestedGeneration?: number | null;
  /** A restart asked for by another process (an id), until the host has carried it out. */
  restartRequest?: string | null;
};

const NOT_BUILDING = {
  buildingGeneration: null,
  buildingCodeVersion: null,
  buildingStatus: null,
  buildingFailure: null,
  buildingCollections: null,
};

/** Reads and writes the `_projections` catalogue. One host owns a projection's entry at a time. */
export class ProjectionCatalogue {
  constructor(private readonly readStore: ReadStore) {}

  async init(): Promise<void> {
    await this.readStore.ensureCollection({ name: CATALOGUE_COLLECTION });
    await this.readStore.ensureCollection({ name: CHECKPOINTS_COLLECTION });
    await this.readStore.ensureCollection({ name: STATUS_COLLECTION });
  }

  get(name: string): Promise<CatalogueEntry | null> {
    return this.entries().findOne({ _id: name });
  }

  all(): Promise<CatalogueEntry[]> {
    return this.entries().find({}, { sort: { _id: 1 } });
  }

  async create(name: string, codeVersion: number, collections: string[]): Promise<CatalogueEntry> {
    const entry: CatalogueEntry = {
      _id: name,
      activeGeneration: 1,
      codeVersion,
      status: 'stopped',
      failure: null,
      activeCollections: collections,
      ...NOT_BUILDING,
      retired: [],
      lastGeneration: 1,
      requestedGeneration: null,
    };
    await this.readStore.commit([
      { collection: CATALOGUE_COLLECTION, write: { op: 'replaceOne', filter: { _id: name }, replacement: entry, upsert: true } },
    ]);
    return entry;
  }

  setActiveCollections(name: string, collections: string[]): Promise<void> {
    return this.set({ _id: name }, { activeCollections: collections });
  }

  /**
   * Records generation `generation` as being built and settles any request, provided the entry's
   * `lastGeneration` and `requestedGeneration` are still those of `entry` (another process may
   * have recorded a request meanwhile). Returns whether the write applied.
   */
  async startBuilding(entry: CatalogueEntry, generation: number, codeVersion: number, collections: string[]): Promise<boolean> {
    await this.set(
      { _id: entry._id, lastGeneration: entry.lastGeneration ?? null, requestedGeneration: entry.requestedGeneration ?? null },
      {
        buildingGeneration: generation,
        buildingCodeVersion: codeVersion,
        buildingStatus: 'catching-up',
        buildingFailure: null,
        buildingCollections: collections,
        lastGeneration: generation,
        requestedGeneration: null,
      },
    );
    return (await this.get(entry._id))?.buildingGeneration === generation;
  }

  /**
   * Records a request to build (or restart) `generation`, provided the entry is still as read in
   * `entry`. The caller reads the entry again to learn which request won.
   */
  requestGeneration(entry: CatalogueEntry, generation: number): Promise<void> {
    return this.set(
      {
        _id: entry._id,
        lastGeneration: entry.lastGeneration ?? null,
        buildingGeneration: entry.buildingGeneration ?? null,
        requestedGeneration: entry.requestedGeneration ?? null,
      },
      { requestedGeneration: generation, lastGeneration: Math.max(generation, entry.lastGeneration ?? 0) },
    );
  }

  /** Settles the request for `generation`, if it is still the one recorded. */
  clearRequest(name: string, generation: number): Promise<void> {
    return this.set({ _id: name, requestedGeneration: generation }, { requestedGeneration: null });
  }

  clearBuilding(name: string): Promise<void> {
    return this.set({ _id: name }, NOT_BUILDING);
  }

  /**
   * Makes the building generation the active one in a single write; the previous active
   * generation joins `retired`. Conditional on the generation still being the one built.
   */
  switchToBuilding(entry: CatalogueEntry, status: ProjectionStatus): Promise<void> {
    if (entry.buildingGeneration === null) throw new Error(`Projection ${entry._id} has no generation being built`);
    const retired = [
      ...entry.retired.filter((r) => r.generation !== entry.activeGeneration),
      { generation: entry.activeGeneration, collections: entry.activeCollections },
    ];
    return this.set(
      { _id: entry._id, buildingGeneration: entry.buildingGeneration },
      {
        activeGeneration: entry.buildingGeneration,
        codeVersion: entry.buildingCodeVersion,
        status,
        failure: entry.buildingFailure,
        activeCollections: entry.buildingCollections ?? [],
        ...NOT_BUILDING,
        retired,
      },
    );
  }

  /** Asks the host to restart the projection's runners (see ProjectionControl.restart). */
  requestRestart(name: string, requestId: string): Promise<void> {
    return this.set({ _id: name }, { restartRequest: requestId });
  }

  /** Clears a restart request, unless a newer one replaced it meanwhile. */
  clearRestartRequest(name: string, requestId: string): Promise<void> {
    return this.set({ _id: name, restartRequest: requestId }, { restartRequest: null });
  }

  setRetired(name: string, retired: RetiredGeneration[]): Promise<void> {
    return this.set({ _id: name }, { retired });
  }

  /**
   * A status report for one generation: two conditional updates of which only the one matching
   * the generation's current role (active or being built) applies.
   */
  static statusWrites(name: string, generation: number, status: ProjectionStatus, failure: ProjectionFailure | null): CollectionWrite[] {
    return [
      {
        collection: CATALOGUE_COLLECTION,
        write: { op: 'updateOne', filter: { _id: name, activeGeneration: generation }, update: { $set: { status, failure } } },
      },
      {
        collection: CATALOGUE_COLLECTION,
        write: {
          op: 'updateOne',
          filter: { _id: name, buildingGeneration: generation },
          update: { $set: { buildingStatus: status, buildingFailure: failure } },
        },
      },
    ];
  }

  reportStatus(name: string, generation: number, status: ProjectionStatus, failure: ProjectionFailure | null): Promise<void> {
    return this.readStore.commit(ProjectionCatalogue.statusWrites(name, generation, status, failure));
  }

  private entries() {
    return this.readStore.collection<CatalogueEntry>(CATALOGUE_COLLECTION);
  }

  private set(filter: Record<string, unknown>, fields: Record<string, unknown>): Promise<void> {
    return this.readStore.commit([{ collection: CATALOGUE_COLLECTION, write: { op: 'updateOne', filter, update: { $set: fields } } }]);
  }
}
