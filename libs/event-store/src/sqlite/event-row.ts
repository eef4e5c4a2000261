import type { Position, RecordedEvent } from '../event-store.port';

/** The columns of `events` selected for reading. */
export const EVENT_COLUMNS = 'position, stream_id AS streamId, revision, event_id AS id, type, data, metadata, created';

/** A selected row of `events`, integers as bigint. */
export interface EventRow {
  position: bigint;
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  data: string;
  metadata: string;
  created: string;
}

/** The single SQLite sequence stands for both parts of the position. */
export function toPosition(sequence: bigint): Position {
  return { commit: sequence, prepare: sequence };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.streamId,
    type: row.type,
    revision: row.revision,
    position: toPosition(row.position),
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    created: row.created,
  };
}
