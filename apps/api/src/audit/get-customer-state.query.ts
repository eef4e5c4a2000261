import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerDecider, fold, type CustomerEvent, type UpcasterRegistry } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import { EVENT_STORE, UPCASTERS } from '../infrastructure/tokens';
import { NotFoundProblem } from '../platform';
import type { CustomerAggregateStateDto, CustomerStateDto } from './customer-state.dto';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { readCustomerStream } from './customer-stream';
import { prefixUpTo, type StatePoint } from './state-point';

export class GetCustomerStateQuery {
  constructor(readonly customerId: string, readonly point: StatePoint) {}
}

/** Folds the customer's stream up to the point as the command side does: upcast, then evolve. */
@QueryHandler(GetCustomerStateQuery)
export class GetCustomerStateHandler implements IQueryHandler<GetCustomerStateQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(UPCASTERS) private readonly upcasters: UpcasterRegistry,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ customerId, point }: GetCustomerStateQuery): Promise<CustomerStateDto> {
    // Personal fields decrypted, or placeholders once erased (ADR 0017).
    const stream = await Promise.all((await readCustomerStream(this.store, customerId)).map((e) => this.vault.decrypt(e)));
    const prefix = prefixUpTo(stream, point);
    if (!prefix) throw new NotFoundProblem(`Customer ${customerId} has no such revision yet; its last is ${stream[stream.length - 1].revision}`);
    const events = prefix.events.map((e) => this.upcasters.upcast(e.type, e.data, e.metadata.schemaVersion ?? 1) as CustomerEvent);
    const state = fold(customerDecider, events);
    if (!state.exists) throw new NotFoundProblem(`Customer ${customerId} did not exist yet at ${prefix.asOf}`);
    return {
      revision: prefix.events[prefix.events.length - 1].revision.toString(),
      asOf: prefix.asOf,
      state: state as unknown as CustomerAggregateStateDto,
    };
  }
}
