import { createEventUpcasters } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import type { KeyStore } from '@trilha/key-store';
import { ProjectionHost, upcastWith } from '@trilha/projection';
import { ALL_PROJECTIONS } from '@trilha/projections';
import type { ReadStore } from '@trilha/read-store';
import { DecryptingEventStore } from '../../api/src/infrastructure/decrypting-event-store';
import { ErasureCompaction } from '../../api/src/infrastructure/erasure-compaction';
import { PersonalDataVault } from '../../api/src/infrastructure/personal-data-vault';

/** How often the host publishes its status and picks up rebuilds requested through the api. */
export const CONTROL_INTERVAL_MS = 1000;

/**
 * The projector's host: every projection, the app's upcasters, and the control loop through
 * which an api without projections lists them and asks for rebuilds.
 */
export function createProjectorHost(stores: { eventStore: EventStore; readStore: ReadStore; keyStore: KeyStore }, logger?: Pick<Console, 'warn'>): ProjectionHost {
  // Projections see personal fields decrypted; a CustomerDeleted evicts that key from this process (ADR 0017).
  const vault = new PersonalDataVault(stores.keyStore);
  const compaction = new ErasureCompaction([stores.readStore], { dropRetiredGenerations: () => host.dropRetiredGenerations() });
  const host: ProjectionHost = new ProjectionHost({
    eventStore: new DecryptingEventStore(stores.eventStore, vault, () => compaction.schedule()),
    readStore: stores.readStore,
    definitions: ALL_PROJECTIONS,
    upcast: upcastWith(createEventUpcasters()),
    controlIntervalMs: CONTROL_INTERVAL_MS,
    logger,
  });
  return host;
}
