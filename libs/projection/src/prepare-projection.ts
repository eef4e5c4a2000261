import type { ReadStore } from '@trilha/read-store';
import { ensureGenerationCollections } from './generation-collections';
import { ProjectionCatalogue, type CatalogueEntry } from './projection-catalogue';
import type { ProjectionDefinition } from './projection-definition';

/**
 * Makes a projection ready to run: the catalogue exists, the projection has an entry (a new one
 * starts at generation 1) and the active generation's collections exist.
 * Enough to run a ProjectionRunner on its own (e.g. in a worker process); ProjectionHost does more.
 */
export async function prepareProjection(readStore: ReadStore, definition: ProjectionDefinition): Promise<CatalogueEntry> {
  const catalogue = new ProjectionCatalogue(readStore);
  await catalogue.init();
  const existing = await catalogue.get(definition.name);
  const generation = existing?.activeGeneration ?? 1;
  const collections = await ensureGenerationCollections(readStore, definition, generation);
  if (!existing) return catalogue.create(definition.name, definition.version, collections);
  const added = collections.filter((c) => !existing.activeCollections.includes(c));
  if (added.length === 0) return existing;
  // The definition declares a collection the generation did not have yet: record it for `drop`.
  const activeCollections = [...existing.activeCollections, ...added];
  await catalogue.setActiveCollections(definition.name, activeCollections);
  return { ...existing, activeCollections };
}
