/** Events per second over a moving window. */
export class EventRateMeter {
  private samples: Array<{ at: number; count: number }> = [];
  private readonly startedAt: number;

  constructor(
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  record(count: number): void {
    const at = this.now();
    this.samples.push({ at, count });
    this.prune(at);
  }

  perSecond(): number {
    const at = this.now();
    this.prune(at);
    const total = this.samples.reduce((sum, s) => sum + s.count, 0);
    // Right after start the window is not full yet; at least a second avoids a spike.
    const spanMs = Math.max(1000, Math.min(this.windowMs, at - this.startedAt));
    return (total * 1000) / spanMs;
  }

  private prune(at: number): void {
    const from = at - this.windowMs;
    let drop = 0;
    while (drop < this.samples.length && this.samples[drop].at <= from) drop++;
    if (drop > 0) this.samples = this.samples.slice(drop);
  }
}
