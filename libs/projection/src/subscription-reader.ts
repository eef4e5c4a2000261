import type { Subscription, SubscriptionItem } from '@trilha/event-store';

export type ReadResult = { kind: 'item'; item: SubscriptionItem } | { kind: 'timeout' } | { kind: 'end' };

const TIMEOUT: ReadResult = { kind: 'timeout' };
const END: ReadResult = { kind: 'end' };

/**
 * Pulls a subscription one item at a time with an optional wait limit. A read that times out
 * keeps its pending `next()` for the following read, so no item is lost and nothing is
 * buffered beyond one item (the subscription's own back-pressure stays intact).
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionItem>;
  private pending: Promise<IteratorResult<SubscriptionItem>> | undefined;
  private interrupted = false;
  private wakeUp: (() => void) | undefined;

  constructor(subscription: Subscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async next(timeoutMs?: number): Promise<ReadResult> {
    if (this.interrupted) return END;
    if (!this.pending) {
      this.pending = this.iterator.next();
      // Settled later by whoever awaits it; after an interrupt nobody may.
      this.pending.catch(() => undefined);
    }
    const pending = this.pending;
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await new Promise<ReadResult>((resolve, reject) => {
        this.wakeUp = () => resolve(END);
        if (timeoutMs !== undefined) timer = setTimeout(() => resolve(TIMEOUT), timeoutMs);
        pending.then((r) => resolve(r.done ? END : { kind: 'item', item: r.value }), reject);
      });
      if (result !== TIMEOUT) this.pending = undefined;
      return result;
    } finally {
      if (timer) clearTimeout(timer);
      this.wakeUp = undefined;
    }
  }

  /** Makes the current and every later read return `end`. */
  interrupt(): void {
    this.interrupted = true;
    this.wakeUp?.();
  }
}
