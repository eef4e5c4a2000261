import type { AllFilter, RecordedEvent } from '@trilha/event-store';
import type { CollectionSpec, CollectionWrite, IndexSpec } from '@trilha/read-store';

/**
 * A read model. `handle` is pure (ARCHITECTURE rule 4): no clock, no I/O, only the writes it
 * returns. Writes address the projection's logical collection names; the runtime maps them to
 * the physical collections of the generation being built (`<collection>_v<generation>`).
 */
export interface ProjectionDefinition {
  /** Stable name, e.g. `customer-detail`. */
  name: string;
  /** Code version of the handler. Raising it makes the runtime rebuild into a new generation. */
  version: number;
  /** Logical collections this projection owns, with their indexes. */
  collections: ProjectionCollection[];
  /** Server-side filter on `$all`; events outside it are never handed to `handle`. */
  filter?: AllFilter;
  handle(event: RecordedEvent): CollectionWrite[];
}

/**
 * A collection of a projection. `indexes` exist from the generation's start. `readIndexes` serve
 * only the queries: a generation built from zero creates them once it has caught up, with one
 * sort instead of an index insert per event in random order (docs/adr/0024-read-indexes-built-after-catch-up.md),
 * or earlier, as soon as the handler writes to the collection with a filter other than `_id`
 * (such a write may need them). They cannot be unique: uniqueness must hold from the first write.
 */
export interface ProjectionCollection extends CollectionSpec {
  readIndexes?: IndexSpec[];
}
