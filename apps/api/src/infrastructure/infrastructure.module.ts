import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createEventUpcasters, UpcasterRegistry } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import type { KeyStore } from '@trilha/key-store';
import { HostProjectionControl, ProjectionHost, StoredProjectionControl, upcastWith, type ProjectionControl } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { ALL_PROJECTIONS } from '@trilha/projections';
import { AggregateReader } from '../commands/aggregate-reader';
import { CommandGateway } from '../commands/command-gateway';
import { CommandPipeline } from '../commands/command-pipeline';
import type { TrilhaConfig } from '../config/trilha-config';
import { ReadModels } from '../read-models/read-models';
import { DecryptingEventStore } from './decrypting-event-store';
import { ErasureCompaction } from './erasure-compaction';
import { openKeyStore } from './open-stores';
import { PersonalDataVault } from './personal-data-vault';
import { CLOCK, EVENT_STORE, KEY_STORE, READ_STORE, TRILHA_CONFIG, UPCASTERS } from './tokens';

export interface Stores {
  eventStore: EventStore;
  readStore: ReadStore;
  /** The data keys of personal data; opened from the configuration when not given (openKeyStore). */
  keyStore?: KeyStore;
}

/** Null when this process serves the api only and a separate projector runs the projections. */
export const PROJECTION_HOST = Symbol('ProjectionHost');

/** The ProjectionControl for the admin routes: the host in this process, else the stored control. */
export const PROJECTION_CONTROL = Symbol('ProjectionControl');

/**
 * The app's upcasters, shared by the command side and the projections (here and in the
 * projector process). Register a step here whenever an event's payload shape changes.
 */
/**
 * The ports the app is composed from. The stores are opened by the caller (see open-stores.ts),
 * so tests and the CLI can hand in their own.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forRoot(config: TrilhaConfig, stores: Stores): DynamicModule {
    const keyStore = stores.keyStore ?? openKeyStore(config);
    // Waits for this process's projections (if it runs them) before compacting the read store.
    let host: ProjectionHost | null = null;
    const compaction = new ErasureCompaction([stores.readStore], {
      projectionsPassed: async (position) => {
        if (host) await Promise.all(ALL_PROJECTIONS.map((p) => host!.waitFor(p.name, position, 5000)));
      },
      dropRetiredGenerations: async () => host?.dropRetiredGenerations(),
    });
    return {
      module: InfrastructureModule,
      providers: [
        { provide: TRILHA_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: stores.eventStore },
        { provide: READ_STORE, useValue: stores.readStore },
        { provide: CLOCK, useValue: () => new Date() },
        { provide: UPCASTERS, useFactory: createEventUpcasters },
        { provide: KEY_STORE, useValue: keyStore },
        // One vault per process: the api's erasures and the projections' deletions evict the same cache.
        { provide: PersonalDataVault, useFactory: () => new PersonalDataVault(keyStore) },
        {
          provide: CommandPipeline,
          useFactory: (store: EventStore, upcasters: UpcasterRegistry, clock: () => Date, vault: PersonalDataVault) => new CommandPipeline(store, upcasters, clock, vault),
          inject: [EVENT_STORE, UPCASTERS, CLOCK, PersonalDataVault],
        },
        {
          provide: PROJECTION_HOST,
          useFactory: (upcasters: UpcasterRegistry, vault: PersonalDataVault, compaction: ErasureCompaction) =>
            (host = config.runProjections
              ? new ProjectionHost({
                  eventStore: new DecryptingEventStore(stores.eventStore, vault, () => compaction.schedule()),
                  readStore: stores.readStore,
                  definitions: ALL_PROJECTIONS,
                  upcast: upcastWith(upcasters),
                })
              : null),
          inject: [UPCASTERS, PersonalDataVault, ErasureCompaction],
        },
        { provide: ErasureCompaction, useValue: compaction },
        {
          provide: PROJECTION_CONTROL,
          useFactory: (host: ProjectionHost | null): ProjectionControl =>
            host
              ? new HostProjectionControl(host)
              : new StoredProjectionControl({ eventStore: stores.eventStore, readStore: stores.readStore, definitions: ALL_PROJECTIONS }),
          inject: [PROJECTION_HOST],
        },
        {
          provide: ReadModels,
          useFactory: (host: ProjectionHost | null) => new ReadModels(stores.readStore, host ?? undefined),
          inject: [PROJECTION_HOST],
        },
        CommandGateway,
        AggregateReader,
      ],
      exports: [TRILHA_CONFIG, EVENT_STORE, READ_STORE, CLOCK, UPCASTERS, KEY_STORE, PersonalDataVault, ErasureCompaction, CommandPipeline, PROJECTION_HOST, PROJECTION_CONTROL, ReadModels, CommandGateway, AggregateReader],
    };
  }

  constructor(
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost | null,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(KEY_STORE) private readonly keyStore: KeyStore,
    private readonly compaction: ErasureCompaction,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.compaction.stop();
    await this.host?.stop();
    await this.eventStore.close();
    await this.readStore.close();
    await this.keyStore.close();
  }
}
