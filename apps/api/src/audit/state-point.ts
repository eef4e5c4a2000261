import { normalizeInstant } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { BadRequestProblem } from '../platform';
import { occurredAtOf } from './customer-stream';

/** The moment of a customer's past to rebuild: an instant, or right after a revision. */
export type StatePoint = { asOf: string } | { revision: bigint };

/** Exactly one of `?asOf=` and `?revision=` (each already validated on its own). */
export function statePointOf(query: { asOf?: string; revision?: string }): StatePoint {
  if ((query.asOf === undefined) === (query.revision === undefined)) {
    const message = 'Give exactly one of asOf (an instant) and revision (a stream revision)';
    throw BadRequestProblem.forFields([{ field: 'asOf', message }, { field: 'revision', message }], message);
  }
  return query.asOf !== undefined ? { asOf: normalizeInstant(query.asOf) ?? query.asOf } : { revision: BigInt(query.revision!) };
}

export interface StreamPrefix {
  events: RecordedEvent[];
  /** The instant the prefix stands for: the asked one, or when the event at the asked revision occurred. */
  asOf: string;
}

/**
 * The events of the stream up to the point, always a prefix of the stream (so the state is one
 * the customer really had, even if clocks made occurredAt step back): with `asOf`, the events
 * before the first one that occurred after it; with a revision, those up to it. Undefined when
 * the stream has no such revision yet.
 */
export function prefixUpTo(events: RecordedEvent[], point: StatePoint): StreamPrefix | undefined {
  if ('asOf' in point) {
    const limit = Date.parse(point.asOf);
    const after = events.findIndex((event) => Date.parse(occurredAtOf(event)) > limit);
    return { events: after === -1 ? events : events.slice(0, after), asOf: point.asOf };
  }
  const at = events.findIndex((event) => event.revision === point.revision);
  if (at === -1) return undefined;
  return { events: events.slice(0, at + 1), asOf: occurredAtOf(events[at]) };
}
