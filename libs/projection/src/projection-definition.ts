import type { AllFilter, RecordedEvent } from '@trilha/event-store';
import type { CollectionSpec, CollectionWrite } from '@trilha/read-store';

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
  collections: CollectionSpec[];
  /** Server-side filter on `$all`; events outside it are never handed to `handle`. */
  filter?: AllFilter;
  handle(event: RecordedEvent): CollectionWrite[];
}
