import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type JSONType,
  type ReadPosition,
  type ResolvedEvent,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { ConcurrencyError } from '../errors';
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
import { comparePositions, matchesFilter } from '../position';
import { fromClientActualRevision, isSystemEvent, toClientExpectedRevision, toRecordedEvent } from './client-mapping';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { DEFAULT_TAIL_PROBE, type TailProbeSettings } from './tail-probe';

/** Events per `$all` read call; filters are applied on this side (see readAll). */
const ALL_PAGE_SIZE = 512;
/** Events per backwards page while looking for the last non-system event. */
const HEAD_PAGE_SIZE = 32;

export interface EventStoreDbOptions {
  /**
   * How an idle subscription probes the tail of `$all` once caught up, so that a tail its
   * filter leaves out is reported as a checkpoint (EventStoreDbSubscription). Settings left
   * out take their default ({@link DEFAULT_TAIL_PROBE}; `maxIdleMs` at least `idleMs`);
   * false: no probe, only the server's own checkpoints.
   */
  tailProbe?: Partial<TailProbeSettings> | false;
}

/**
 * The EventStore port over EventStoreDB, through `@eventstore/db-client`. Built from a
 * connection string (`esdb://host:2113?tls=false`) or from a client, which `close()` disposes.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private readonly tailProbe: TailProbeSettings | false;

  constructor(connection: string | EventStoreDBClient, options: EventStoreDbOptions = {}) {
    this.tailProbe = options.tailProbe === false ? false : tailProbeSettings(options.tailProbe);
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
  }

  async append(streamId: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const proposed = events.map(({ id, type, data, metadata }) =>
      jsonEvent({ id, type, data: data as JSONType, metadata }),
    );
    try {
      const result = await this.client.appendToStream(streamId, proposed, {
        expectedRevision: toClientExpectedRevision(expectedRevision),
      });
      if (!result.position) throw new Error(`Append to ${streamId} returned no position`);
      return { nextExpectedRevision: result.nextExpectedRevision, position: result.position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new ConcurrencyError(streamId, expectedRevision, fromClientActualRevision(error.actualVersion));
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.limit !== undefined && options.limit <= 0) return [];
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 'end' : 'start');
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: from === 'start' ? START : from === 'end' ? END : from,
        direction: backwards ? BACKWARDS : FORWARDS,
        ...(options.limit !== undefined ? { maxCount: options.limit } : {}),
      });
      return (await collect<ResolvedEvent>(read)).flatMap((resolved) =>
        resolved.event ? [toRecordedEvent(resolved.event)] : [],
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /**
   * The client (6.x) reads `$all` without a server-side filter, so `$all` is read page by page
   * and filtered here. Each page is read to its end before the next one starts, so no call is
   * left half-consumed when the limit is reached.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { fromPosition, filter, limit } = options;
    if (limit !== undefined && limit <= 0) return [];
    const found: RecordedEvent[] = [];
    let after = fromPosition;
    for (;;) {
      const page = await this.readAllPage(after ?? START, FORWARDS, ALL_PAGE_SIZE);
      for (const { event } of page) {
        if (!event) continue;
        // The client's position is inclusive; ours is exclusive.
        if (after && comparePositions(event.position, after) <= 0) continue;
        after = event.position;
        if (!matchesFilter(event.streamId, event.type, filter)) continue;
        found.push(toRecordedEvent(event));
        if (found.length === limit) return found;
      }
      if (page.length < ALL_PAGE_SIZE) return found;
    }
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    const subscription: EventStoreDbSubscription = new EventStoreDbSubscription(this.client, options, this.tailProbe, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last event that is not a system one, looking backwards page by page. */
  async headPosition(): Promise<Position | undefined> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage(from, BACKWARDS, HEAD_PAGE_SIZE);
      for (const { event } of page) {
        if (event && !isSystemEvent(event)) return event.position;
      }
      const last = page[page.length - 1]?.event;
      if (page.length < HEAD_PAGE_SIZE || !last) return undefined;
      from = last.position;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private readAllPage(fromPosition: ReadPosition, direction: typeof FORWARDS | typeof BACKWARDS, maxCount: number) {
    return collect<AllStreamResolvedEvent>(this.client.readAll({ fromPosition, direction, maxCount }));
  }
}

function tailProbeSettings(given: Partial<TailProbeSettings> = {}): TailProbeSettings {
  const idleMs = given.idleMs ?? DEFAULT_TAIL_PROBE.idleMs;
  const maxIdleMs = given.maxIdleMs ?? Math.max(idleMs, DEFAULT_TAIL_PROBE.maxIdleMs);
  if (!(idleMs > 0 && maxIdleMs >= idleMs)) {
    throw new RangeError(`The tail probe needs 0 < idleMs <= maxIdleMs (got ${idleMs} and ${maxIdleMs})`);
  }
  return { idleMs, maxIdleMs };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}
