import { createEventUpcasters } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import { ProjectionHost, upcastWith } from '@trilha/projection';
import { ALL_PROJECTIONS } from '@trilha/projections';
import type { ReadStore } from '@trilha/read-store';

/** How often the host publishes its status and picks up rebuilds requested through the api. */
export const CONTROL_INTERVAL_MS = 1000;

/**
 * The projector's host: every projection, the app's upcasters, and the control loop through
 * which an api without projections lists them and asks for rebuilds.
 */
export function createProjectorHost(stores: { eventStore: EventStore; readStore: ReadStore }, logger?: Pick<Console, 'warn'>): ProjectionHost {
  return new ProjectionHost({
    ...stores,
    definitions: ALL_PROJECTIONS,
    upcast: upcastWith(createEventUpcasters()),
    controlIntervalMs: CONTROL_INTERVAL_MS,
    logger,
  });
}
