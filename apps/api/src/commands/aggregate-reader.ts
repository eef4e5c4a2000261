import { Inject, Injectable } from '@nestjs/common';
import { fold, type Decider, type DomainEvent, type UpcasterRegistry } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { EVENT_STORE, UPCASTERS } from '../infrastructure/tokens';

/**
 * Reads the state of an aggregate other than the one a command appends to, from its own stream
 * (never from a read model), for the facts a decider needs: does the customer or the wallet
 * exist, what are the journey's steps.
 */
@Injectable()
export class AggregateReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(UPCASTERS) private readonly upcasters: UpcasterRegistry,
    private readonly vault: PersonalDataVault,
  ) {}

  async state<S, E extends DomainEvent>(streamId: string, decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>): Promise<S> {
    const recorded = await Promise.all((await this.store.readStream(streamId)).map((e) => this.vault.decrypt(e)));
    const events = recorded.map((e) => this.upcasters.upcast(e.type, e.data, e.metadata.schemaVersion ?? 1) as E);
    return fold(decider, events);
  }

  async isEmpty(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId, { limit: 1 })).length === 0;
  }
}
