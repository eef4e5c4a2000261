import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
} from '../event-store.port';
import { CatchUpSubscription } from '../embedded/catch-up-subscription';
import type { EventSource, ScannedEvent } from '../embedded/event-source';
import { assertExpectedRevision, type CurrentRevision } from '../embedded/expected-revision';
import { readAllFrom } from '../embedded/read-all';
import { classifyBatch, type StoredEventRef } from '../embedded/retried-append';

/** An event as kept in memory: data and metadata as JSON text, like the SQLite adapter stores them. */
interface StoredEvent extends ScannedEvent {
  id: string;
  revision: bigint;
  data: string;
  metadata: string;
  created: string;
}

/**
 * An EventStore in process memory, for unit tests. Same semantics as the SQLite adapter: a
 * global sequence 1, 2, 3 … mapped onto both parts of the position, JSON round-trip of data
 * and metadata, idempotent retries by event id (see classifyBatch).
 */
export class InMemoryEventStore implements EventStore {
  /** `$all`: the event at index i has position i + 1. */
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private readonly source: EventSource<StoredEvent> = {
    readPage: (after, limit) => {
      // Positions are 1-based indexes, so the event after position p sits at index p.
      const start = after ? Number(after.commit) : 0;
      return this.all.slice(start, start + limit);
    },
    toRecorded: (event) => toRecorded(event),
    onAppend: (listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  };

  async append(streamId: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const stream = this.streams.get(streamId) ?? [];

    const refs = events.map((event) => this.refOf(event.id));
    const status = classifyBatch(streamId, expectedRevision, events.map((event) => event.id), refs);
    if (status.kind === 'retry') return status.result;
    const current: CurrentRevision = stream.length === 0 ? 'noStream' : BigInt(stream.length - 1);
    assertExpectedRevision(streamId, expectedRevision, current);
    if (status.kind === 'clash') throw new Error(`Event id ${status.eventId} is already stored`);
    const duplicate = events.find((event, i) => events.findIndex((other) => other.id === event.id) !== i);
    if (duplicate) throw new Error(`Event id ${duplicate.id} appears twice in the batch`);

    const created = new Date().toISOString();
    for (const event of events) {
      const commit = BigInt(this.all.length + 1);
      const stored: StoredEvent = {
        id: event.id,
        streamId,
        type: event.type,
        revision: BigInt(stream.length),
        position: { commit, prepare: commit },
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata ?? {}),
        created,
      };
      stream.push(stored);
      this.all.push(stored);
      this.byId.set(stored.id, stored);
    }
    this.streams.set(streamId, stream);
    for (const listener of [...this.listeners]) listener();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.revision, position: { ...last.position } };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const from = options.from;
    if (options.direction === 'backwards') {
      const fromRevision = from === undefined || from === 'end' ? BigInt(stream.length - 1) : from === 'start' ? 0n : from;
      return stream
        .filter((event) => event.revision <= fromRevision)
        .reverse()
        .slice(0, limit)
        .map(toRecorded);
    }
    if (from === 'end') return [];
    const fromRevision = from === undefined || from === 'start' ? 0n : from;
    return stream
      .filter((event) => event.revision >= fromRevision)
      .slice(0, limit)
      .map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readAllFrom(this.source, options);
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    this.assertOpen();
    const subscription: Subscription = new CatchUpSubscription(this.source, options, {}, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    this.assertOpen();
    const last = this.all[this.all.length - 1];
    return last ? { ...last.position } : undefined;
  }

  /** Ends every open subscription; the store refuses further calls. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private refOf(eventId: string): StoredEventRef | undefined {
    return this.byId.get(eventId);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

function toRecorded(event: StoredEvent): RecordedEvent {
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    revision: event.revision,
    position: { ...event.position },
    data: JSON.parse(event.data) as Record<string, unknown>,
    metadata: JSON.parse(event.metadata) as RecordedEvent['metadata'],
    created: event.created,
  };
}
