/**
 * The double's storage: one in-memory log of every event (the `$all` order) plus an index
 * per stream. Positions imitate EventStoreDB's transaction-file offsets: each event's
 * commit and prepare position is the byte offset at which it starts, and the offset grows
 * by the event's approximate record size.
 */

export interface StoredEvent {
  streamName: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends them. */
  created: bigint;
  /** Commit and prepare position (equal: every append is its own transaction). */
  position: bigint;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'noStream' }
  | { kind: 'streamExists' }
  | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  | { ok: true; currentRevision?: bigint; position?: bigint }
  | { ok: false; currentRevision?: bigint };

/** A real log starts with a chunk header; no event ever sits at position 0. */
const FIRST_POSITION = 128n;
/** Fixed per-record overhead added to the payload sizes when advancing the offset. */
const RECORD_OVERHEAD = 96n;
const TICKS_PER_MILLISECOND = 10_000n;

export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly appendListeners = new Set<() => void>();
  private nextPosition = FIRST_POSITION;

  get length(): number {
    return this.all.length;
  }

  at(index: number): StoredEvent {
    return this.all[index];
  }

  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamName);
  }

  currentRevision(streamName: string): bigint | undefined {
    const events = this.streams.get(streamName);
    return events ? events[events.length - 1].revision : undefined;
  }

  /** Index in `$all` of the first event whose position is strictly greater than `position`. */
  indexAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.all[mid].position <= position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Index in `$all` of the first event whose position is greater than or equal to `position`. */
  indexAtOrAfter(position: bigint): number {
    return position === 0n ? 0 : this.indexAfter(position - 1n);
  }

  /** Calls `listener` after every successful append; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  append(streamName: string, expected: ExpectedState, proposed: ProposedEvent[]): AppendOutcome {
    const current = this.currentRevision(streamName);
    const replay = this.findIdempotentReplay(streamName, expected, proposed);
    if (replay) return replay;
    if (!this.satisfies(expected, current)) return { ok: false, currentRevision: current };
    if (proposed.length === 0) return { ok: true, currentRevision: current };

    const streamEvents = this.streams.get(streamName) ?? [];
    let revision = current === undefined ? 0n : current + 1n;
    const created = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    for (const event of proposed) {
      const stored: StoredEvent = { ...event, streamName, revision, created, position: this.nextPosition };
      this.nextPosition += recordSize(stored);
      this.all.push(stored);
      streamEvents.push(stored);
      revision += 1n;
    }
    this.streams.set(streamName, streamEvents);
    const last = streamEvents[streamEvents.length - 1];
    for (const listener of [...this.appendListeners]) listener();
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  private satisfies(expected: ExpectedState, current: bigint | undefined): boolean {
    switch (expected.kind) {
      case 'any':
        return true;
      case 'noStream':
        return current === undefined;
      case 'streamExists':
        return current !== undefined;
      case 'revision':
        return current === expected.revision;
    }
  }

  /**
   * EventStoreDB treats a repeated write of the same event ids as idempotent: when the
   * proposed ids are exactly the events already written where the expected revision puts
   * them (or, for `any`/`streamExists`, wherever the first id sits), it answers with the
   * original result instead of writing duplicates or reporting a conflict.
   */
  private findIdempotentReplay(
    streamName: string,
    expected: ExpectedState,
    proposed: ProposedEvent[],
  ): AppendOutcome | undefined {
    const events = this.streams.get(streamName);
    if (!events || proposed.length === 0) return undefined;
    let start: number;
    switch (expected.kind) {
      case 'noStream':
        start = 0;
        break;
      case 'revision':
        start = Number(expected.revision) + 1;
        break;
      case 'any':
      case 'streamExists':
        start = events.findIndex((e) => e.id === proposed[0].id);
        break;
    }
    if (start < 0 || start + proposed.length > events.length) return undefined;
    const matches = proposed.every((p, i) => events[start + i].id === p.id);
    if (!matches) return undefined;
    const last = events[start + proposed.length - 1];
    return { ok: true, currentRevision: last.revision, position: last.position };
  }
}

function recordSize(event: StoredEvent): bigint {
  const text = event.streamName.length + event.type.length + event.contentType.length;
  return RECORD_OVERHEAD + BigInt(text + event.data.length + event.customMetadata.length);
}
