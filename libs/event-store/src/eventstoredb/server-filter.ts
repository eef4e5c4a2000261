import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamSubscription,
  type Filter,
  type Position as ClientPosition,
} from '@eventstore/db-client';
import type { AllFilter } from '../event-store.port';

export type CheckpointReached = (subscription: AllStreamSubscription, position: ClientPosition) => void;

/**
 * The server-side part of the port's filter. EventStoreDB filters on one thing only (stream
 * name or event type), so stream prefixes go to the server when given, else the event types
 * (as an exact-match regex), else system events are excluded. The rest of the filter, and the
 * exclusion of `$` events, is applied again on the client (`matchesFilter`).
 */
export function serverFilterFor(filter: AllFilter | undefined, checkpointReached: CheckpointReached): Filter {
  if (filter?.streamPrefixes && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: filter.streamPrefixes, checkpointReached });
  }
  if (filter?.eventTypes && filter.eventTypes.length > 0) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$`, checkpointReached });
  }
  return excludeSystemEvents({ checkpointReached });
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
