import { ANY, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision } from '@eventstore/db-client';
import type { EventMetadata, ExpectedRevision, RecordedEvent } from '../event-store.port';

/** Translations between the port's types and `@eventstore/db-client`'s. */

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'noStream':
      return NO_STREAM;
    case 'streamExists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

export function fromClientActualRevision(actual: bigint | string): bigint | 'noStream' {
  return typeof actual === 'bigint' ? actual : 'noStream';
}

/** True for EventStoreDB's own records (`$`-prefixed types and streams), which the port never shows. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** The fields of the client's recorded event (JSON or binary) that the port needs. */
export interface ClientRecordedEvent {
  id: string;
  streamId: string;
  type: string;
  revision: bigint;
  position?: { commit: bigint; prepare: bigint };
  data: unknown;
  metadata?: unknown;
  created: Date;
}

export function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  if (!event.position) throw new Error(`Event ${event.id} of ${event.streamId} came without a position`);
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    revision: event.revision,
    position: { commit: event.position.commit, prepare: event.position.prepare },
    data: asJsonObject(event.data, () => `data of event ${event.id}`) ?? {},
    metadata: (asJsonObject(event.metadata, () => `metadata of event ${event.id}`) ?? {}) as EventMetadata,
    created: event.created.toISOString(),
  };
}

/**
 * The client parses JSON events for us; bytes reach here only from writers that did not mark
 * their event as JSON, so they are parsed here. Anything but a JSON object is refused.
 */
function asJsonObject(value: unknown, what: () => string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = value instanceof Uint8Array ? parseJsonBytes(value, what) : value;
  if (parsed === undefined) return undefined;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`The ${what()} is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function parseJsonBytes(bytes: Uint8Array, what: () => string): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new Error(`The ${what()} is not JSON`);
  }
}
