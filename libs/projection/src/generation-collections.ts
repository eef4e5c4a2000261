import type { CollectionSpec, CollectionWrite, ReadStore } from '@trilha/read-store';
import { physicalCollectionName } from './naming';
import type { ProjectionCollection, ProjectionDefinition } from './projection-definition';

/** Logical → physical collection names of one generation. */
export function collectionNameMap(definition: ProjectionDefinition, generation: number): Map<string, string> {
  return new Map(definition.collections.map((c) => [c.name, physicalCollectionName(c.name, generation)]));
}

/** The physical collections of one generation, in declaration order. */
export function generationCollectionNames(definition: ProjectionDefinition, generation: number): string[] {
  return definition.collections.map((c) => physicalCollectionName(c.name, generation));
}

/**
 * Creates the generation's physical collections with their `indexes` (not the `readIndexes`:
 * see ensureReadIndexes); returns their names.
 */
export async function ensureGenerationCollections(
  readStore: ReadStore,
  definition: ProjectionDefinition,
  generation: number,
): Promise<string[]> {
  const names: string[] = [];
  for (const spec of definition.collections) {
    const name = physicalCollectionName(spec.name, generation);
    await readStore.ensureCollection(storeSpec(spec, name, false));
    names.push(name);
  }
  return names;
}

/** Creates the `readIndexes` of one logical collection of the generation (idempotent). */
export async function ensureReadIndexes(readStore: ReadStore, spec: ProjectionCollection, generation: number): Promise<void> {
  if (!spec.readIndexes?.length) return;
  await readStore.ensureCollection(storeSpec(spec, physicalCollectionName(spec.name, generation), true));
}

/** The spec the read store gets: physical name, and the read indexes only when asked for. */
function storeSpec(spec: ProjectionCollection, name: string, withReadIndexes: boolean): CollectionSpec {
  const { readIndexes = [], ...collection } = spec;
  if (readIndexes.some((index) => index.unique)) {
    throw new TypeError(`Collection ${spec.name}: a read index cannot be unique (uniqueness must hold from the first write)`);
  }
  const indexes = [...(collection.indexes ?? []), ...(withReadIndexes ? readIndexes : [])];
  return { ...collection, name, ...(indexes.length > 0 ? { indexes } : {}) };
}

/** Drops the listed collections that exist. */
export async function dropCollections(readStore: ReadStore, names: string[]): Promise<void> {
  const existing = new Set(await readStore.listCollections());
  for (const name of names) {
    if (existing.has(name)) await readStore.dropCollection(name);
  }
}

export class UnknownCollectionError extends Error {
  constructor(projection: string, collection: string) {
    super(`Projection ${projection} wrote to ${collection}, which it does not declare`);
    this.name = 'UnknownCollectionError';
  }
}

/** Re-addresses a handler's writes from logical to physical collection names. */
export function toPhysicalWrites(projection: string, writes: CollectionWrite[], names: Map<string, string>): CollectionWrite[] {
  return writes.map((w) => {
    const physical = names.get(w.collection);
    if (physical === undefined) throw new UnknownCollectionError(projection, w.collection);
    return { collection: physical, write: w.write };
  });
}
