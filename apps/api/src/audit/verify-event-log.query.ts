import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@trilha/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { AuditVerificationDto } from './verification.dto';
import { verifyEventLog } from './verify-event-log';

export class VerifyEventLogQuery {}

@QueryHandler(VerifyEventLogQuery)
export class VerifyEventLogHandler implements IQueryHandler<VerifyEventLogQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(): Promise<AuditVerificationDto> {
    return verifyEventLog(this.store);
  }
}
