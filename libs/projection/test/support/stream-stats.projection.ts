import { positionToString, type RecordedEvent } from '@trilha/event-store';
import type { ProjectionDefinition } from '@trilha/projection';
import { guardedUpdate, insertOnce } from '@trilha/projection';

export const STREAM_STATS = 'stream_stats';
export const EVENTS_SEEN = 'events_seen';
/** Streams the test projection follows; others are filtered out by the subscription. */
export const THING_PREFIX = 'thing-';

export interface StreamStatsOptions {
  name?: string;
  version?: number;
  /** Events for which the handler throws (a bug to fix). */
  failOn?: (event: RecordedEvent) => boolean;
}

/**
 * A small projection for the runtime's tests: per stream, a count and the list of event ids
 * (guarded updates); per event, one append-only row (insertOnce).
 */
export function streamStatsProjection(options: StreamStatsOptions = {}): ProjectionDefinition {
  return {
    name: options.name ?? 'stream-stats',
    version: options.version ?? 1,
    collections: [{ name: STREAM_STATS, indexes: [{ fields: { count: 1 } }] }, { name: EVENTS_SEEN }],
    filter: { streamPrefixes: [THING_PREFIX] },
    handle(event) {
      if (options.failOn?.(event)) throw new Error(`cannot handle ${event.type} ${event.id}`);
      return [
        guardedUpdate(STREAM_STATS, event.streamId, event, {
          $inc: { count: 1 },
          $push: { eventIds: event.id },
          $set: { lastType: event.type },
        }),
        insertOnce(EVENTS_SEEN, { _id: event.id, streamId: event.streamId, type: event.type, position: positionToString(event.position) }),
      ];
    },
  };
}
