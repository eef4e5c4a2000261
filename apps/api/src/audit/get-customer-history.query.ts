import { isDeepStrictEqual } from 'node:util';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerStreamId, type UpcasterRegistry } from '@trilha/domain';
import { positionToString, type EventStore, type RecordedEvent } from '@trilha/event-store';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { EVENT_STORE, UPCASTERS } from '../infrastructure/tokens';
import { NotFoundProblem } from '../platform';
import type { CustomerHistoryDto, HistoryActorDto, HistoryEventDto } from './customer-history.dto';
import { readCustomerRelatedEvents } from './customer-related-streams';
import { occurredAtOf } from './customer-stream';

export class GetCustomerHistoryQuery {
  constructor(readonly customerId: string) {}
}

/**
 * Read from the event store itself, not a read model: every event of the customer's own stream
 * and of the streams about it (ADR 0018), in global order.
 */
@QueryHandler(GetCustomerHistoryQuery)
export class GetCustomerHistoryHandler implements IQueryHandler<GetCustomerHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(UPCASTERS) private readonly upcasters: UpcasterRegistry,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ customerId }: GetCustomerHistoryQuery): Promise<CustomerHistoryDto> {
    const streamId = customerStreamId(customerId);
    const events = await readCustomerRelatedEvents(this.store, customerId);
    if (!events.some((e) => e.streamId === streamId)) throw new NotFoundProblem(`Customer ${customerId} does not exist`);
    return { streamId, events: await Promise.all(events.map((e) => this.historyEvent(e))) };
  }

  /**
   * `data` as every reader sees it: personal fields decrypted (placeholders once erased), in the
   * current shape (upcast). `stored` keeps the bytes as written, which verify hashes, when they differ.
   */
  private async historyEvent(event: RecordedEvent): Promise<HistoryEventDto> {
    const readable = await this.vault.decrypt(event);
    const storedVersion = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
    const schemaVersion = this.upcasters.currentVersion(event.type);
    const data = this.upcasters.upcast(event.type, readable.data, storedVersion).data as Record<string, unknown>;
    const answer: HistoryEventDto = {
      streamId: event.streamId,
      eventId: event.id,
      type: event.type,
      revision: event.revision.toString(),
      position: positionToString(event.position),
      occurredAt: occurredAtOf(event),
      actor: (event.metadata.actor as HistoryActorDto | undefined) ?? null,
      schemaVersion,
      data,
      metadata: event.metadata,
    };
    if (!isDeepStrictEqual(data, event.data)) answer.stored = { schemaVersion: storedVersion, data: event.data };
    return answer;
  }
}
