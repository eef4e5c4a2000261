import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { INTEGRITY_ALG, metadataWithoutIntegrity, type Integrity } from './integrity';

/** What an event's hash covers: everything the writer decides, nothing the store assigns (position, created). */
export interface HashedEvent {
  streamId: string;
  eventId: string;
  type: string;
  /** Known before appending: the revision read + 1 + the event's index in the append. */
  revision: bigint;
  data: Record<string, unknown>;
  /** With or without `integrity`: it is left out of the hash. */
  metadata: Record<string, unknown>;
}

/**
 * `sha256(prev + canonical JSON of {streamId, eventId, type, revision, data, metadata})` as hex,
 * with `prev` the previous event's hash ('' for the first event of a chain), the revision as a
 * decimal string (JSON numbers lose precision past 2^53), and the metadata without integrity.
 */
export function eventHash(prev: string | null, event: HashedEvent): string {
  const content = canonicalJson({
    streamId: event.streamId,
    eventId: event.eventId,
    type: event.type,
    revision: event.revision.toString(),
    data: event.data,
    metadata: metadataWithoutIntegrity(event.metadata),
  });
  return createHash(INTEGRITY_ALG).update(prev ?? '', 'utf8').update(content, 'utf8').digest('hex');
}

/** The integrity to store in the metadata of an event about to be appended after `prev`. */
export function sealEvent(prev: string | null, event: HashedEvent): Integrity {
  return { alg: INTEGRITY_ALG, prev, hash: eventHash(prev, event) };
}
