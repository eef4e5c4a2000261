/** One queued request and how to answer it. */
interface Pending<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** What the commit function says about each request of a group, in order. */
export type Outcome<Result> = { ok: true; result: Result } | { ok: false; error: unknown };

/** Most requests one commit takes; the rest wait for the next turn of the event loop. */
export const MAX_GROUP_SIZE = 512;

/**
 * Group commit (docs/adr/0020-group-commit-in-the-sqlite-event-store.md): requests made during one
 * turn of the event loop are handed together to `commit`, which writes them in one durable
 * transaction and says, per request, whether it succeeded. A request's own failure answers only
 * that request; a failure of the commit itself (thrown) answers every request of the group.
 *
 * The commit runs on `setImmediate`, after the I/O callbacks of the turn: concurrent HTTP
 * commands whose requests arrived together share one fsync, while a lone request waits no
 * longer than one turn.
 */
export class GroupCommit<Request, Result> {
  private queue: Array<Pending<Request, Result>> = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly commit: (requests: Request[]) => Array<Outcome<Result>>) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits every request queued so far, group after group, now (before the file closes). */
  flushAll(): void {
    this.cancelScheduled();
    while (this.queue.length > 0) this.commitGroup(this.queue.splice(0, MAX_GROUP_SIZE));
  }

  /** Commits one group; a longer queue yields to the event loop so that each group answers once durable. */
  private flush(): void {
    this.scheduled = undefined;
    this.commitGroup(this.queue.splice(0, MAX_GROUP_SIZE));
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flush());
  }

  private cancelScheduled(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
  }

  private commitGroup(group: Array<Pending<Request, Result>>): void {
    let outcomes: Array<Outcome<Result>>;
    try {
      outcomes = this.commit(group.map((pending) => pending.request));
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
  }
}
