import type { Position, SubscribeAllOptions, Subscription, SubscriptionItem } from '../event-store.port';
import { matchesFilter } from '../position';
import { PAGE_SIZE, type EventSource, type ScannedEvent } from './event-source';

export interface CatchUpSettings {
  /**
   * Re-read at least this often while live, to pick up appends made by another process on the
   * same storage, which the in-process notifier never hears of. Undefined: rely on the notifier.
   */
  pollIntervalMs?: number;
  pageSize?: number;
}

/**
 * A subscription to `$all` that reads page after page from its position. Catch-up and live are
 * the same loop: once a page comes back short the head is reached, `caughtUp` is sent (once) and
 * the loop waits for an append before reading the next page from where it stopped. The append
 * listener is registered before the first read, so an append made at any moment wakes the loop:
 * no gap, and no duplicate since the position only moves forwards.
 *
 * A `checkpoint` is sent whenever a page ends with events the filter left out, so a consumer can
 * record progress over a filtered tail.
 */
export class CatchUpSubscription<T extends ScannedEvent> implements Subscription {
  private closed = false;
  /** Set by the append listener; cleared before each read. Starts set so the first read happens. */
  private changed = true;
  private wake: (() => void) | undefined;
  private readonly unlisten: () => void;
  private iterator: AsyncGenerator<SubscriptionItem> | undefined;

  constructor(
    private readonly source: EventSource<T>,
    private readonly options: SubscribeAllOptions = {},
    private readonly settings: CatchUpSettings = {},
    private readonly onClosed?: () => void,
  ) {
    this.unlisten = source.onAppend(() => {
      this.changed = true;
      this.wake?.();
    });
  }

  /** One iteration per subscription: asking again returns the same iterator. */
  [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  /** Stops the subscription; a pending `next()` resolves with `done`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unlisten();
    this.wake?.();
    this.onClosed?.();
  }

  private async *run(): AsyncGenerator<SubscriptionItem> {
    const pageSize = this.settings.pageSize ?? PAGE_SIZE;
    const filter = this.options.filter;
    let after: Position | undefined = this.options.fromPosition;
    let sentCaughtUp = false;
    try {
      while (!this.closed) {
        this.changed = false;
        const page = this.source.readPage(after, pageSize);
        let tailFilteredOut = false;
        for (const event of page) {
          after = event.position;
          tailFilteredOut = !matchesFilter(event.streamId, event.type, filter);
          if (tailFilteredOut) continue;
          yield { kind: 'event', event: this.source.toRecorded(event) };
          if (this.closed) return;
        }
        if (tailFilteredOut && after) {
          yield { kind: 'checkpoint', position: after };
          if (this.closed) return;
        }
        if (page.length === pageSize) continue;
        if (!sentCaughtUp) {
          sentCaughtUp = true;
          yield after ? { kind: 'caughtUp', position: after } : { kind: 'caughtUp' };
          if (this.closed) return;
        }
        await this.waitForChange();
      }
    } finally {
      await this.close();
    }
  }

  /** Resolves on the next append, on close, or after the poll interval. */
  private waitForChange(): Promise<void> {
    if (this.changed || this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const poll = this.settings.pollIntervalMs;
      const timer = poll !== undefined ? setTimeout(() => done(), poll) : undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
    });
  }
}
