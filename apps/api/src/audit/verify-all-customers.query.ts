import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChainVerifier, CUSTOMER_STREAM_PREFIX } from '@trilha/domain';
import type { EventStore, Position } from '@trilha/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { hashedEventOf } from './customer-stream';
import type { AuditVerificationDto } from './verification.dto';

/** Events read from `$all` per page: bounded memory whatever the size of the store. */
const PAGE_SIZE = 1000;

export class VerifyAllCustomersQuery {}

/** Walks `$all` once, filtered to customer streams, with one chain verifier per stream. */
@QueryHandler(VerifyAllCustomersQuery)
export class VerifyAllCustomersHandler implements IQueryHandler<VerifyAllCustomersQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<AuditVerificationDto> {
    const verifiers = new Map<string, ChainVerifier>();
    let from: Position | undefined;
    for (;;) {
      const page = await this.store.readAll({ fromPosition: from, filter: { streamPrefixes: [CUSTOMER_STREAM_PREFIX] }, limit: PAGE_SIZE });
      for (const event of page) {
        let verifier = verifiers.get(event.streamId);
        if (!verifier) verifiers.set(event.streamId, (verifier = new ChainVerifier()));
        verifier.add(hashedEventOf(event));
      }
      if (page.length < PAGE_SIZE) break;
      from = page[page.length - 1].position;
    }
    const answer: AuditVerificationDto = { ok: true, streams: verifiers.size, events: 0, unchained: 0, bad: [] };
    for (const [streamId, verifier] of verifiers) {
      const verdict = verifier.verdict();
      answer.events += verdict.events;
      answer.unchained += verdict.unchained;
      if (verdict.firstBad) answer.bad.push({ streamId, firstBadRevision: verdict.firstBad.revision.toString(), reason: verdict.firstBad.reason });
    }
    answer.ok = answer.bad.length === 0;
    return answer;
  }
}
