import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerStreamId } from '@trilha/domain';
import { positionToString, type EventStore, type RecordedEvent } from '@trilha/event-store';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CustomerHistoryDto, HistoryActorDto, HistoryEventDto } from './customer-history.dto';
import { occurredAtOf, readCustomerStream } from './customer-stream';

export class GetCustomerHistoryQuery {
  constructor(readonly customerId: string) {}
}

/** Read from the event store itself, not a read model: what is stored is what the auditor sees. */
@QueryHandler(GetCustomerHistoryQuery)
export class GetCustomerHistoryHandler implements IQueryHandler<GetCustomerHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ customerId }: GetCustomerHistoryQuery): Promise<CustomerHistoryDto> {
    // Personal fields decrypted, or placeholders once erased (ADR 0017); verify hashes the stored ciphertext.
    const events = await Promise.all((await readCustomerStream(this.store, customerId)).map((e) => this.vault.decrypt(e)));
    return { streamId: customerStreamId(customerId), events: events.map(historyEvent) };
  }
}

function historyEvent(event: RecordedEvent): HistoryEventDto {
  return {
    eventId: event.id,
    type: event.type,
    revision: event.revision.toString(),
    position: positionToString(event.position),
    occurredAt: occurredAtOf(event),
    actor: (event.metadata.actor as HistoryActorDto | undefined) ?? null,
    data: event.data,
    metadata: event.metadata,
  };
}
