import type { RecordedEvent } from '@trilha/event-store';

/**
 * What the command side keeps of a stream's last event (ADR 0026): reading resumes after its
 * `revision`, sealing chains onto the integrity in its `metadata`, a no-op answers with its
 * `position`. After our own append it is rebuilt from the append's result and the sealed
 * envelope, so it has no `created` (nor data) to offer: the types say so.
 */
export type StreamTail = Pick<RecordedEvent, 'revision' | 'position' | 'metadata'>;
