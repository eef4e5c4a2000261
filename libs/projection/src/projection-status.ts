import type { CollectionWrite, Document, ReadStore } from '@trilha/read-store';
import { STATUS_COLLECTION } from './naming';
import type { ProjectionFailure, ProjectionStatus } from './projection-catalogue';

/** What the runner of one generation reports about itself. */
export interface GenerationStatus {
  generation: number;
  status: ProjectionStatus;
  /** The position the runner has applied (the stored checkpoint may trail it briefly). */
  checkpoint: string | null;
  eventsPerSecond: number;
  failure: ProjectionFailure | null;
}

/**
 * The live status of one projection as published by the host running it, for processes that
 * have no host (StoredProjectionControl). `heartbeatAt` says how fresh it is.
 */
export type StatusDocument = Document & {
  /** When the host last published (ISO 8601, the host's clock). */
  heartbeatAt: string;
  /** The generations the host runs: the active one and the one being built, if any. */
  generations: GenerationStatus[];
};

export class ProjectionStatusStore {
  constructor(private readonly readStore: ReadStore) {}

  get(name: string): Promise<StatusDocument | null> {
    return this.readStore.collection<StatusDocument>(STATUS_COLLECTION).findOne({ _id: name });
  }

  static write(name: string, heartbeatAt: string, generations: GenerationStatus[]): CollectionWrite {
    const doc: StatusDocument = { _id: name, heartbeatAt, generations };
    return { collection: STATUS_COLLECTION, write: { op: 'replaceOne', filter: { _id: name }, replacement: doc, upsert: true } };
  }
}
