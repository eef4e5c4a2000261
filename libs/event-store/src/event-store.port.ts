/**
 * The EventStore port. Every adapter (sqlite, eventstoredb, in-memory) implements it and
 * passes the same contract suite (libs/testing/src/contracts/event-store.contract.ts).
 */

/** Expected revision of a stream when appending. A bigint is the revision of the last event. */
export type ExpectedRevision = 'noStream' | 'streamExists' | 'any' | bigint;

/** A global position in `$all`. SQLite maps its sequence onto both parts. */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

/** The metadata envelope carried by every event (SPEC P1). */
export interface EventMetadata {
  actor?: { id: string; role?: string; name?: string; kind?: 'user' | 'customer' | 'system' };
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  occurredAt?: string;
  schemaVersion?: number;
  [key: string]: unknown;
}

/** An event to append. `id` is a UUID chosen by the caller (deterministic per command). */
export interface EventData {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: EventMetadata;
}

/** An event as stored. */
export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  revision: bigint;
  position: Position;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** When the store recorded it (ISO 8601 UTC). */
  created: string;
}

export interface AppendResult {
  /** Revision of the last event written (the stream's new revision). */
  nextExpectedRevision: bigint;
  /** Position of the last event written. */
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Revision to start from (inclusive). Default: start (forwards) or end (backwards). */
  from?: bigint | 'start' | 'end';
  direction?: Direction;
  limit?: number;
}

/** A server-side filter over `$all`. System events (type starting with `$`) are always excluded. */
export interface AllFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: read events strictly after this position. Omit for the start. */
  fromPosition?: Position;
  filter?: AllFilter;
  limit?: number;
}

export interface SubscribeAllOptions {
  /** Exclusive: deliver events strictly after this position. Omit for the start. */
  fromPosition?: Position;
  filter?: AllFilter;
}

/**
 * A subscription item. `event` delivers the next event; `checkpoint` says the subscription
 * has scanned up to `position` even if nothing matched (so a filtered or idle tail advances);
 * `caughtUp` is sent once when the catch-up phase has reached the live head.
 */
export type SubscriptionItem =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'checkpoint'; position: Position }
  | { kind: 'caughtUp'; position?: Position };

export interface Subscription extends AsyncIterable<SubscriptionItem> {
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Reads a stream. A stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads `$all` in global order, excluding system events. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live subscription to `$all`, with no gap between the two. */
  subscribeAll(options?: SubscribeAllOptions): Subscription;
  /** The position of the last event in `$all` (the head), or undefined when empty. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
}
