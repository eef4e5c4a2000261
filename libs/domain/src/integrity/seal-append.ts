import { sealEvent } from './event-hash';
import { integrityOf, type Integrity } from './integrity';

/** An event about to be appended, in the shape of the event store's EventData. */
export interface EventToSeal {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** An event with its link in the chain. */
export type SealedEvent<E extends EventToSeal> = E & { metadata: { integrity: Integrity } };

/** The last event read from the stream before appending, if any. */
export interface StreamTail {
  revision: bigint;
  metadata: Record<string, unknown>;
}

/**
 * Adds `metadata.integrity` to events about to be appended after `tail`, the last event read
 * (the one whose revision the append expects): the first links to the tail's hash (null when
 * the stream is empty or the tail carries no readable integrity: a new chain starts), each next
 * one to the one before it. Whoever appends to a stream must seal its events this way.
 */
export function sealAppend<E extends EventToSeal>(streamId: string, tail: StreamTail | undefined, events: readonly E[]): Array<SealedEvent<E>> {
  const tailIntegrity = tail ? integrityOf(tail.metadata) : undefined;
  let prev = typeof tailIntegrity === 'object' ? tailIntegrity.hash : null;
  const firstRevision = (tail?.revision ?? -1n) + 1n;
  return events.map((event, index) => {
    const integrity = sealEvent(prev, {
      streamId,
      eventId: event.id,
      type: event.type,
      revision: firstRevision + BigInt(index),
      data: event.data,
      metadata: event.metadata ?? {},
    });
    prev = integrity.hash;
    return { ...event, metadata: { ...event.metadata, integrity } };
  });
}
