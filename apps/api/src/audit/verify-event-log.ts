import { ChainVerifier } from '@trilha/domain';
import type { EventStore, Position } from '@trilha/event-store';
import { hashedEventOf } from './customer-stream';
import type { AuditVerificationDto } from './verification.dto';

/** Events read from `$all` per page: bounded memory whatever the size of the store. */
const PAGE_SIZE = 1000;

/** Called after each page with the position reached and the events checked so far. */
export type VerifyProgress = (reached: Position, events: number) => void;

/**
 * Walks `$all` once with one chain verifier per stream: every stream the command pipeline writes
 * carries the chain (ADR 0015). Memory grows with the number of streams, not of events.
 */
export async function verifyEventLog(store: EventStore, onProgress?: VerifyProgress): Promise<AuditVerificationDto> {
  const verifiers = new Map<string, ChainVerifier>();
  let from: Position | undefined;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, limit: PAGE_SIZE });
    for (const event of page) {
      let verifier = verifiers.get(event.streamId);
      if (!verifier) verifiers.set(event.streamId, (verifier = new ChainVerifier()));
      verifier.add(hashedEventOf(event));
    }
    events += page.length;
    if (page.length > 0) onProgress?.(page[page.length - 1].position, events);
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
