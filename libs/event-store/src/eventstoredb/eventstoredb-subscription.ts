import { START, type AllStreamResolvedEvent, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { Position, SubscribeAllOptions, Subscription, SubscriptionItem } from '../event-store.port';
import { comparePositions, matchesFilter } from '../position';
import { isSystemEvent, toRecordedEvent } from './client-mapping';
import { serverFilterFor } from './server-filter';
import { scanTail, type TailProbeSettings, type TailScan } from './tail-probe';

/** A checkpoint or caught-up notice, carried through the client's object stream. */
class Notice {
  constructor(readonly item: { kind: 'checkpoint'; position: Position } | { kind: 'caughtUp' }) {}
}

type Chunk = AllStreamResolvedEvent | Notice;

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
 *
 * The tail probe. A filtered subscription hears from the server only every so many scanned
 * events, so a tail the filter leaves out would never be reported. Once caught up, whenever
 * the consumer waits and the server has sent nothing for `idleMs`, `$all` is read forwards
 * after the last position seen (`scanTail`). If no event there matches the filter, a
 * checkpoint at the last non-system event read is reported; if one does, nothing is (the
 * server is bound to deliver it). This cannot report past an undelivered event:
 * - everything the server would deliver up to the last position seen has been received
 *   (events come in order, and a server checkpoint comes after the events it covers);
 * - while the probe runs nothing is taken from the stream, and `$all` only grows at its end,
 *   so a matching event not yet delivered and at or before the reported position would have
 *   been in the scan;
 * - what the server sends afterwards at or before the probe's checkpoint is dropped as
 *   already seen: events the filter does not match, and its own older checkpoints.
 * After a probe that finds nothing new the wait doubles, up to `maxIdleMs`; anything from
 * the server, or a probe that finds new events, brings it back to `idleMs`. No probe runs
 * before `caughtUp`: during catch-up the server is reading the same events and reports them,
 * and against a server that never says `caught_up` (before 23.10) only the server's own
 * checkpoints are passed on, as without the probe. A failed probe read fails the iteration
 * like a server error does; closing does not wait for a probe in flight.
 */
export class EventStoreDbSubscription implements Subscription {
  private readonly stream: AllStreamSubscription;
  private closed = false;
  /** Ends the run loop's current pause: a chunk arrived, a probe ended, or the subscription closed. */
  private wake: (() => void) | undefined;
  private iterator: AsyncGenerator<SubscriptionItem> | undefined;
  private caughtUpSent = false;
  private lastSeen: Position | undefined;
  private lastReported: Position | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: SubscribeAllOptions,
    private readonly tailProbe: TailProbeSettings | false,
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
    this.wake?.();
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
    const source = (this.stream as AsyncIterable<Chunk>)[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<Chunk>> | undefined;
    let arrived = false;
    let idleMs = this.tailProbe ? this.tailProbe.idleMs : 0;
    try {
      while (!this.closed) {
        if (!pending) {
          arrived = false;
          pending = source.next();
          // One reaction per chunk, however many probes run while waiting for it. It also
          // handles a rejection nobody awaits once the subscription is closed.
          const settle = () => {
            arrived = true;
            this.wake?.();
          };
          pending.then(settle, settle);
        }
        if (this.tailProbe && this.caughtUpSent && !arrived) {
          await this.pause(idleMs);
          if (this.closed) return;
          if (!arrived) {
            const probe = await this.probeTail();
            if (this.closed) return;
            idleMs = probe.foundNew ? this.tailProbe.idleMs : Math.min(idleMs * 2, this.tailProbe.maxIdleMs);
            if (probe.item) yield probe.item;
            continue;
          }
        }
        const next = await pending;
        pending = undefined;
        if (this.tailProbe) idleMs = this.tailProbe.idleMs;
        if (this.closed || next.done) return;
        const chunk = next.value;
        const item = chunk instanceof Notice ? this.fromNotice(chunk) : this.fromEvent(chunk);
        if (item) yield item;
      }
    } catch (error) {
      // Closing destroys the stream, which ends the loop with a premature-close error.
      if (!this.closed) throw error;
    } finally {
      await this.close();
    }
  }

  /** Resolves after `ms` (never when undefined), or earlier on `wake()`. */
  private pause(ms: number | undefined): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      this.wake = done;
    });
  }

  /**
   * Scans the tail and turns a clear one into a checkpoint; `foundNew` when the scan went past
   * the last position seen. Returns at once when the subscription closes meanwhile.
   */
  private async probeTail(): Promise<{ item?: SubscriptionItem; foundNew: boolean }> {
    let outcome: { scan: TailScan } | { error: unknown } | undefined;
    scanTail(this.client, this.lastSeen, this.options.filter).then(
      (scan) => {
        outcome = { scan };
        this.wake?.();
      },
      (error: unknown) => {
        outcome = { error };
        this.wake?.();
      },
    );
    // Woken too when a chunk arrives: it waits in `pending` until the probe has ended.
    while (!outcome && !this.closed) await this.pause(undefined);
    if (!outcome || this.closed) return { foundNew: false };
    if ('error' in outcome) throw outcome.error;
    const { scan } = outcome;
    if (scan.matched) return { foundNew: true };
    if (!scan.clearTo) return { foundNew: false };
    return { item: this.fromNotice(new Notice({ kind: 'checkpoint', position: scan.clearTo })), foundNew: true };
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
