/** The catalogue of projections: one document per projection name. */
export const CATALOGUE_COLLECTION = '_projections';

/** Checkpoints, one document per projection generation. */
export const CHECKPOINTS_COLLECTION = '_checkpoints';

/** Live status published by the host running a projection, one document per projection name. */
export const STATUS_COLLECTION = '_projection_status';

/** The physical collection that holds a logical collection for one generation. */
export function physicalCollectionName(logical: string, generation: number): string {
  return `${logical}_v${generation}`;
}

/** The `_id` of a generation's checkpoint document. */
export function checkpointId(projection: string, generation: number): string {
  return `${projection}@v${generation}`;
}
