import { FORWARDS, START, type AllStreamResolvedEvent, type EventStoreDBClient } from '@eventstore/db-client';
import type { AllFilter, Position } from '../event-store.port';
import { comparePositions, matchesFilter } from '../position';
import { isSystemEvent } from './client-mapping';

/** When and how often an idle subscription probes the tail of `$all` (see EventStoreDbSubscription). */
export interface TailProbeSettings {
  /** Time without anything from the server, once caught up, before the first probe. */
  idleMs: number;
  /** The wait doubles after each probe that finds nothing new, up to this. */
  maxIdleMs: number;
}

export const DEFAULT_TAIL_PROBE: TailProbeSettings = { idleMs: 100, maxIdleMs: 1000 };

/** Events per read of a probe, and reads per probe at most. */
const PROBE_PAGE_SIZE = 128;
const PROBE_MAX_PAGES = 8;

/**
 * What a scan of `$all` after a position found: an event the filter matches (which the live
 * subscription is bound to deliver), or none, with the last non-system event scanned, when
 * there is one.
 */
export type TailScan = { matched: true } | { matched: false; clearTo?: Position };

/**
 * Reads `$all` forwards strictly after `after`, page by page (at most PROBE_MAX_PAGES), until
 * its end or the first event `filter` matches. `$all` only grows at its end, so a position
 * scanned without a match stays without one.
 */
export async function scanTail(
  client: EventStoreDBClient,
  after: Position | undefined,
  filter: AllFilter | undefined,
): Promise<TailScan> {
  let from = after;
  let clearTo: Position | undefined;
  for (let page = 0; page < PROBE_MAX_PAGES; page++) {
    const events: AllStreamResolvedEvent[] = [];
    for await (const resolved of client.readAll({ fromPosition: from ?? START, direction: FORWARDS, maxCount: PROBE_PAGE_SIZE })) {
      events.push(resolved);
    }
    for (const { event } of events) {
      if (!event) continue;
      // The client's position is inclusive; ours is exclusive.
      if (from && comparePositions(event.position, from) <= 0) continue;
      from = event.position;
      if (matchesFilter(event.streamId, event.type, filter)) return { matched: true };
      if (!isSystemEvent(event)) clearTo = event.position;
    }
    if (events.length < PROBE_PAGE_SIZE) break;
  }
  return { matched: false, clearTo };
}
