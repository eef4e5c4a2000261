/**
 * Runs an async task every `intervalMs`, and as soon as possible after `poke()`; never two runs
 * at once (a poke during a run asks for one more run right after it).
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private active = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs the task now, then every interval. */
  start(): void {
    this.active = true;
    this.schedule(0);
  }

  poke(): void {
    if (!this.active) return;
    if (this.running) this.rerun = true;
    else this.schedule(0);
  }

  /** No run starts after this; resolves once the run in progress, if any, has ended. */
  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
    // The task must not keep a process alive on its own.
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (!this.active || this.running) return;
    this.rerun = false;
    this.running = this.task().catch(this.onError);
    await this.running;
    this.running = undefined;
    if (this.active) this.schedule(this.rerun ? 0 : this.intervalMs);
  }
}
