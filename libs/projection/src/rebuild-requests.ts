import type { CatalogueEntry } from './projection-catalogue';

/** The number a new generation of this projection gets: numbers are never reused. */
export function nextGeneration(entry: CatalogueEntry): number {
  return Math.max(entry.lastGeneration ?? 0, entry.activeGeneration, entry.buildingGeneration ?? 0, ...entry.retired.map((r) => r.generation)) + 1;
}

/**
 * The requested generation while the request still calls for work: null when there is none or
 * when that generation has meanwhile become active or retired (a request settled late).
 */
export function openRequest(entry: CatalogueEntry): number | null {
  const requested = entry.requestedGeneration ?? null;
  if (requested === null || requested === entry.activeGeneration) return null;
  return entry.retired.some((r) => r.generation === requested) ? null : requested;
}

/** The generation a rebuild asked for now would deliver without starting another: requested, else being built. */
export function generationUnderway(entry: CatalogueEntry): number | null {
  return openRequest(entry) ?? entry.buildingGeneration ?? null;
}
