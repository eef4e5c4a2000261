import { eventHash, type HashedEvent } from './event-hash';
import { integrityOf } from './integrity';

/**
 * Why an event could not be vouched for:
 * - `unchained`: it carries no integrity (appended before the chain existed, or outside the
 *   command pipeline), so nothing proves it is as written;
 * - `malformed`: its integrity is not a sha256 link;
 * - `altered`: its type, data, metadata, id or revision differ from what was hashed;
 * - `broken-link`: it does not follow the event stored before it (one was inserted, replaced
 *   or reordered before it);
 * - `revision-gap`: the revision before it is missing (an event was deleted).
 */
export type ChainBreak = 'unchained' | 'malformed' | 'altered' | 'broken-link' | 'revision-gap';

export interface ChainVerdict {
  /** True when every event of the stream was verified. */
  ok: boolean;
  events: number;
  /** Events whose hash and link both check out. */
  verified: number;
  /** Events with no integrity at all. */
  unchained: number;
  /** The first event that could not be verified, and why. */
  firstBad?: { revision: bigint; reason: ChainBreak };
  /** The stored hash of the last event: record it elsewhere to detect a rewritten tail later. */
  headHash: string | null;
}

/** Walks one stream's events in revision order, checking each event's hash and its link to the one before. */
export class ChainVerifier {
  private events = 0;
  private verified = 0;
  private unchained = 0;
  private firstBad?: { revision: bigint; reason: ChainBreak };
  private headHash: string | null = null;
  private nextRevision = 0n;
  /** The `prev` the next event must carry; undefined (unknown) after an event whose integrity is unreadable. */
  private expectedPrev: string | null | undefined = null;

  add(event: HashedEvent): this {
    this.events += 1;
    const gap = event.revision !== this.nextRevision;
    this.nextRevision = event.revision + 1n;
    const integrity = integrityOf(event.metadata);
    if (integrity === undefined) {
      this.unchained += 1;
      this.fail(event.revision, gap ? 'revision-gap' : 'unchained');
      // The pipeline starts a new chain after an event without integrity.
      this.expectedPrev = null;
      this.headHash = null;
      return this;
    }
    if (integrity === 'malformed') {
      this.fail(event.revision, gap ? 'revision-gap' : 'malformed');
      this.expectedPrev = undefined;
      this.headHash = null;
      return this;
    }
    const linked = this.expectedPrev === undefined || integrity.prev === this.expectedPrev;
    const intact = eventHash(integrity.prev, event) === integrity.hash;
    if (gap) this.fail(event.revision, 'revision-gap');
    else if (!intact) this.fail(event.revision, 'altered');
    else if (!linked) this.fail(event.revision, 'broken-link');
    else this.verified += 1;
    this.expectedPrev = integrity.hash;
    this.headHash = integrity.hash;
    return this;
  }

  verdict(): ChainVerdict {
    return {
      ok: this.firstBad === undefined,
      events: this.events,
      verified: this.verified,
      unchained: this.unchained,
      ...(this.firstBad ? { firstBad: this.firstBad } : {}),
      headHash: this.headHash,
    };
  }

  private fail(revision: bigint, reason: ChainBreak): void {
    this.firstBad ??= { revision, reason };
  }
}

/** Verifies one stream's events, given in revision order. */
export function verifyChain(events: Iterable<HashedEvent>): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const event of events) verifier.add(event);
  return verifier.verdict();
}
