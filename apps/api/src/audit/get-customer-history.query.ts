import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerStreamId } from '@trilha/domain';
import { positionToString, type EventStore, type RecordedEvent } from '@trilha/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CustomerHistoryDto, HistoryActorDto, HistoryEventDto } from './customer-history.dto';
import { occurredAtOf, readCustomerStream } from './customer-stream';

export class GetCustomerHistoryQuery {
  constructor(readonly customerId: string) {}
}

/** Read from the event store itself, not a read model: what is stored is what the auditor sees. */
@QueryHandler(GetCustomerHistoryQuery)
export class GetCustomerHistoryHandler implements IQueryHandler<GetCustomerHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ customerId }: GetCustomerHistoryQuery): Promise<CustomerHistoryDto> {
    const events = await readCustomerStream(this.store, customerId);
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
