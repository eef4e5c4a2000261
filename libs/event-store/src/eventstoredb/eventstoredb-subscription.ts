import { START, type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { Position, SubscribeAllOptions, Subscription, SubscriptionItem } from '../event-store.port';
import { comparePositions, matchesFilter } from '../position';
import { isSystemEvent, toRecordedEvent } from './client-mapping';
import { serverFilterFor } from './server-filter';

/** A checkpoint or caught-up notice, carried through the client's object stream. */
class Notice {
  constructor(readonly item: { kind: 'checkpoint'; position: Position } | { kind: 'caughtUp' }) {}
}

/**
 * `subscribeAll` over the client's `subscribeToAll`.
 *
 * The client reports events as stream data but checkpoints through a callback and
 * `caught_up` through an event, both while it transforms the server's responses. Pushing
 * them into the same object stream at that moment keeps them in order with the events.
 *
 * `caughtUp` comes from the server's `caught_up` message, which EventStoreDB sends since
 * 23.10: against an older server no `caughtUp` item is produced.
 *
 * Events at or before the last position seen are dropped (this makes `fromPosition`
 * exclusive whatever the server does), then `$` events and whatever the server-side filter
 * could not express. Checkpoints that would not move past the last reported position are
 * dropped: the server sends one at the position of an event it has just delivered.
 */
export class EventStoreDbSubscription implements Subscription {
  private readonly stream: AllStreamSubscription;
  private closed = false;
  private iterator: AsyncGenerator<SubscriptionItem> | undefined;
  private caughtUpSent = false;
  private lastSeen: Position | undefined;
  private lastReported: Position | undefined;

  constructor(
    client: EventStoreDBClient,
    private readonly options: SubscribeAllOptions,
    private readonly onClosed: () => void = () => undefined,
  ) {
    this.lastSeen = this.lastReported = options.fromPosition;
    this.stream = client.subscribeToAll({
      fromPosition: options.fromPosition ?? START,
      filter: serverFilterFor(options.filter, (_subscription, { commit, prepare }) =>
        this.notify({ kind: 'checkpoint', position: { commit, prepare } }),
      ),
    });
    this.stream.on('caughtUp', () => this.notify({ kind: 'caughtUp' }));
    // The client emits errors without destroying its stream; destroying it makes sure the
    // error reaches an iteration whenever it starts, and that nothing crashes meanwhile.
    this.stream.on('error', (error) => this.stream.destroy(error));
  }

  /** One iteration per subscription: asking again returns the same iterator. */
  [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  /** Cancels the server call; a pending `next()` resolves with `done`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    try {
      await this.stream.unsubscribe();
    } finally {
      this.stream.destroy();
    }
  }

  private notify(item: Notice['item']): void {
    if (!this.closed && !this.stream.destroyed) this.stream.push(new Notice(item));
  }

  private async *run(): AsyncGenerator<SubscriptionItem> {
    try {
      for await (const chunk of this.stream as AsyncIterable<AllStreamResolvedEvent | Notice>) {
        if (this.closed) return;
        const item = chunk instanceof Notice ? this.fromNotice(chunk) : this.fromEvent(chunk);
        if (item) yield item;
        if (this.closed) return;
      }
    } catch (error) {
      // Closing destroys the stream, which ends the loop with a premature-close error.
      if (!this.closed) throw error;
    } finally {
      await this.close();
    }
  }

  private fromEvent(resolved: AllStreamResolvedEvent): SubscriptionItem | undefined {
    const event = resolved.event;
    if (!event) return undefined;
    if (this.lastSeen && comparePositions(event.position, this.lastSeen) <= 0) return undefined;
    this.lastSeen = event.position;
    if (isSystemEvent(event) || !matchesFilter(event.streamId, event.type, this.options.filter)) return undefined;
    this.lastReported = event.position;
    return { kind: 'event', event: toRecordedEvent(event) };
  }

  private fromNotice({ item }: Notice): SubscriptionItem | undefined {
    if (item.kind === 'caughtUp') {
      if (this.caughtUpSent) return undefined;
      this.caughtUpSent = true;
      return { kind: 'caughtUp', position: this.lastSeen };
    }
    if (this.lastReported && comparePositions(item.position, this.lastReported) <= 0) return undefined;
    this.lastReported = item.position;
    if (!this.lastSeen || comparePositions(item.position, this.lastSeen) > 0) this.lastSeen = item.position;
    return item;
  }
}
