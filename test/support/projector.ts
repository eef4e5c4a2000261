import type { KeyStore } from '@trilha/key-store';
import type { EventStore } from '@trilha/event-store';
import type { ProjectionHost } from '@trilha/projection';
import type { ReadStore } from '@trilha/read-store';
import { openEventStore, openKeyStore, openReadStore } from '../../apps/api/src/infrastructure/open-stores';
import { createProjectorHost } from '../../apps/projector/src/projector-host';
import type { TestApp } from './test-app';

/** A projector as apps/projector runs it: its own host and its own connections to the same files. */
export class Projector {
  private constructor(
    readonly host: ProjectionHost,
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly keyStore: KeyStore,
  ) {}

  static async start(t: TestApp): Promise<Projector> {
    const eventStore = openEventStore(t.config);
    const readStore = openReadStore(t.config);
    const keyStore = openKeyStore(t.config);
    const host = createProjectorHost({ eventStore, readStore, keyStore });
    await host.start();
    return new Projector(host, eventStore, readStore, keyStore);
  }

  async stop(): Promise<void> {
    await this.host.stop();
    await this.eventStore.close();
    await this.readStore.close();
    await this.keyStore.close();
  }
}
