import { Inject, Injectable } from '@nestjs/common';
import type { Decider, DomainEvent } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { CommandPipeline } from './command-pipeline';

/**
 * Reads the state of an aggregate other than the one a command appends to, from its own stream
 * (never from a read model), for the facts a decider needs: does the customer or the wallet
 * exist, what are the journey's steps. Through the pipeline's state cache (ADR 0021): only the
 * events appended since the cached revision are read.
 */
@Injectable()
export class AggregateReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly pipeline: CommandPipeline,
  ) {}

  state<S, E extends DomainEvent>(streamId: string, decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>): Promise<S> {
    return this.pipeline.stateOf(streamId, decider);
  }

  async isEmpty(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId, { limit: 1 })).length === 0;
  }
}
