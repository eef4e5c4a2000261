import { comparePositions, type Position } from '@trilha/event-store';

interface Waiter {
  target: Position;
  resolve: (reached: boolean) => void;
  timer?: NodeJS.Timeout;
}

/** Promises that resolve once a moving position reaches a target. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  /** True once `current` reaches `target`, false on timeout or `cancelAll`. */
  wait(current: Position | undefined, target: Position, timeoutMs?: number): Promise<boolean> {
    if (current && comparePositions(current, target) >= 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { target, resolve };
      if (timeoutMs !== undefined) waiter.timer = setTimeout(() => this.settle(waiter, false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  advance(current: Position): void {
    for (const waiter of this.waiters) {
      if (comparePositions(current, waiter.target) >= 0) this.settle(waiter, true);
    }
  }

  cancelAll(): void {
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  private settle(waiter: Waiter, reached: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    if (waiter.timer) clearTimeout(waiter.timer);
    waiter.resolve(reached);
  }
}
