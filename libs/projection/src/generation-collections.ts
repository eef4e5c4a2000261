import type { CollectionWrite, ReadStore } from '@trilha/read-store';
import { physicalCollectionName } from './naming';
import type { ProjectionDefinition } from './projection-definition';

/** Logical → physical collection names of one generation. */
export function collectionNameMap(definition: ProjectionDefinition, generation: number): Map<string, string> {
  return new Map(definition.collections.map((c) => [c.name, physicalCollectionName(c.name, generation)]));
}

/** The physical collections of one generation, in declaration order. */
export function generationCollectionNames(definition: ProjectionDefinition, generation: number): string[] {
  return definition.collections.map((c) => physicalCollectionName(c.name, generation));
}

/** Creates the generation's physical collections with the declared indexes; returns their names. */
export async function ensureGenerationCollections(
  readStore: ReadStore,
  definition: ProjectionDefinition,
  generation: number,
): Promise<string[]> {
  const names: string[] = [];
  for (const spec of definition.collections) {
    const name = physicalCollectionName(spec.name, generation);
    await readStore.ensureCollection({ ...spec, name });
    names.push(name);
  }
  return names;
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
