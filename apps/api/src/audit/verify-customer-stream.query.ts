import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { verifyChain, type ChainVerdict } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { hashedEventOf, readCustomerStream } from './customer-stream';
import type { StreamVerificationDto } from './verification.dto';

export class VerifyCustomerStreamQuery {
  constructor(readonly customerId: string) {}
}

@QueryHandler(VerifyCustomerStreamQuery)
export class VerifyCustomerStreamHandler implements IQueryHandler<VerifyCustomerStreamQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ customerId }: VerifyCustomerStreamQuery): Promise<StreamVerificationDto> {
    const events = await readCustomerStream(this.store, customerId);
    return verificationOf(verifyChain(events.map(hashedEventOf)));
  }
}

export function verificationOf({ ok, events, verified, unchained, firstBad, headHash }: ChainVerdict): StreamVerificationDto {
  return {
    ok,
    events,
    verified,
    unchained,
    ...(firstBad ? { firstBadRevision: firstBad.revision.toString(), reason: firstBad.reason } : {}),
    headHash,
  };
}
