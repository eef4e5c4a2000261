import type { Position, RecordedEvent } from '../event-store.port';

/** What a scan of `$all` needs to know about an event before deciding to decode it. */
export interface ScannedEvent {
  readonly position: Position;
  readonly streamId: string;
  readonly type: string;
}

/**
 * `$all` as a sequence of pages: what an embedded adapter provides for `readAll` and
 * `subscribeAll`. Pages are unfiltered so that a scan always knows how far it got.
 */
export interface EventSource<T extends ScannedEvent> {
  /** Up to `limit` events strictly after `after` (from the start when undefined), in global order. */
  readPage(after: Position | undefined, limit: number): T[];
  /** Decodes a scanned event (only done for the events that pass the filter). */
  toRecorded(event: T): RecordedEvent;
  /** Calls `listener` after every append made through this store; returns the unregister function. */
  onAppend(listener: () => void): () => void;
}

/** Events per page, in catch-up and in `readAll`: bounds the memory a scan holds at once. */
export const PAGE_SIZE = 500;
