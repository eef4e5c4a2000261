/** One queued request and how to answer it. */
interface Pending<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** What the commit function says about each request of a group, in order. */
export type Outcome<Result> = { ok: true; result: Result } | { ok: false; error: unknown };

/** Commits a group and says what became of each request; throws (or rejects) when the whole group failed. */
export type CommitGroup<Request, Result> = (requests: Request[]) => Array<Outcome<Result>> | Promise<Array<Outcome<Result>>>;

/** Most requests one commit takes; the rest wait for the next group. */
export const MAX_GROUP_SIZE = 512;

/**
 * Group commit (docs/adr/0020-group-commit-in-the-sqlite-event-store.md,
 * docs/adr/0022-sqlite-event-store-commits-on-a-writer-thread.md): requests are handed together to
 * `commit`, which writes them in one durable transaction and says, per request, whether it
 * succeeded. A request's own failure answers only that request; a failure of the commit itself
 * (thrown or rejected) answers every request of the group.
 *
 * One group at a time: the first group starts on `setImmediate`, after the I/O callbacks of the
 * turn, so that requests arriving together share it; while a group is being committed (on the
 * writer thread) new requests queue, and the next group, all of them up to MAX_GROUP_SIZE, starts
 * on the turn after the answer. A synchronous `commit` thus still takes one group per turn.
 */
export class GroupCommit<Request, Result> {
  private queue: Array<Pending<Request, Result>> = [];
  private scheduled: NodeJS.Immediate | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly commit: CommitGroup<Request, Result>) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Commits every request queued so far, group after group, and waits for the group in flight (before the file closes). */
  async flushAll(): Promise<void> {
    for (;;) {
      this.cancelScheduled();
      if (this.inFlight) await this.inFlight;
      else if (this.queue.length > 0) this.startGroup();
      else return;
    }
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled || this.queue.length === 0) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined;
      this.startGroup();
    });
  }

  private cancelScheduled(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
  }

  private startGroup(): void {
    const group = this.queue.splice(0, MAX_GROUP_SIZE);
    this.inFlight = this.commitGroup(group).finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
  }

  private async commitGroup(group: Array<Pending<Request, Result>>): Promise<void> {
    let outcomes: Array<Outcome<Result>>;
    try {
      outcomes = await this.commit(group.map((pending) => pending.request));
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
