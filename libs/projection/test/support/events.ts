import { randomUUID } from 'node:crypto';
import type { EventData, EventStore, Position } from '@trilha/event-store';
import { THING_PREFIX } from './stream-stats.projection';

export function thingEvent(index: number): EventData {
  return { id: randomUUID(), type: index % 3 === 0 ? 'ThingCreated' : 'ThingChanged', data: { index }, metadata: { schemaVersion: 1 } };
}

/**
 * Appends `count` events round-robin over `streams` thing streams, `perAppend` at a time to the
 * same stream. Returns the position of the last one.
 */
export async function appendThings(
  store: EventStore,
  count: number,
  options: { streams?: number; perAppend?: number; offset?: number } = {},
): Promise<Position> {
  const streams = options.streams ?? 7;
  const perAppend = options.perAppend ?? 1;
  const offset = options.offset ?? 0;
  let last: Position | undefined;
  for (let i = 0; i < count; i += perAppend) {
    const stream = `${THING_PREFIX}${(offset + i / perAppend) % streams}`;
    const batch = Array.from({ length: Math.min(perAppend, count - i) }, (_, k) => thingEvent(offset + i + k));
    last = (await store.append(stream, batch, 'any')).position;
  }
  if (!last) throw new Error('appendThings needs count > 0');
  return last;
}

/** An event on a stream the test projection does not follow. */
export async function appendOther(store: EventStore, stream = 'other-1'): Promise<Position> {
  return (await store.append(stream, [{ id: randomUUID(), type: 'OtherHappened', data: {} }], 'any')).position;
}
