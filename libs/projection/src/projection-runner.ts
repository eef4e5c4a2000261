import { setImmediate } from 'node:timers/promises';
import {
  comparePositions,
  positionToString,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@trilha/event-store';
import type { CollectionWrite, ReadStore } from '@trilha/read-store';
import { CheckpointStore } from './checkpoint-store';
import { EventRateMeter } from './event-rate-meter';
import { collectionNameMap, ensureReadIndexes, toPhysicalWrites } from './generation-collections';
import { PendingBatch } from './pending-batch';
import { ProjectionCatalogue, type ProjectionFailure, type ProjectionStatus } from './projection-catalogue';
import type { ProjectionCollection, ProjectionDefinition } from './projection-definition';
import { positionLag } from './position-lag';
import { PositionWaiters } from './position-waiters';
import { SubscriptionReader } from './subscription-reader';

export interface RunnerTuning {
  /** Most events per commit. Default 500. */
  batchSize?: number;
  /**
   * Most events per commit until the subscription first reaches the head (a start far behind,
   * a rebuild): fewer, bigger commits cost SQLite far fewer page writes per event. Default:
   * `batchSize` when that is given, else 2000.
   */
  catchUpBatchSize?: number;
  /**
   * How long after its first event an incomplete batch is committed; events already delivered
   * by then still join it (up to the batch size). Default 5 ms.
   */
  batchWaitMs?: number;
  /** Least time between checkpoint-only writes (idle or filtered-out tail). Default 1000 ms. */
  checkpointIntervalMs?: number;
  /** Window of the events-per-second meter. Default 10 s. */
  rateWindowMs?: number;
}

export interface ProjectionRunnerOptions extends RunnerTuning {
  eventStore: EventStore;
  readStore: ReadStore;
  definition: ProjectionDefinition;
  generation: number;
  /** Where failed status reports go; the projection itself keeps running. Default: console. */
  logger?: Pick<Console, 'warn'>;
  /** Lifts an old event shape to the current one before the handler sees it (ARCHITECTURE rule 3). */
  upcast?: (event: RecordedEvent) => RecordedEvent;
  /** Called whenever the runner's status changes (e.g. to publish it at once). */
  onStatusChange?: (status: ProjectionStatus) => void;
}

export interface RunnerMetrics {
  generation: number;
  status: ProjectionStatus;
  checkpoint: string | null;
  lag: number;
  eventsPerSecond: number;
  failure: ProjectionFailure | null;
}

/** Stops the loop with a failure to record. */
class BatchFailure extends Error {
  constructor(readonly failure: ProjectionFailure) {
    super(failure.error);
  }
}

function filtersByIdOnly(filter: Record<string, unknown>): boolean {
  for (const key in filter) if (key !== '_id') return false;
  return true;
}

function failureOf(error: unknown): ProjectionFailure {
  return error instanceof BatchFailure ? error.failure : { eventId: null, position: null, type: null, error: messageOf(error) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one generation of one projection: subscribes to `$all` after its checkpoint, turns each
 * batch of events into writes on the generation's physical collections and commits them with
 * the checkpoint in one unit of work. A handler or commit failure stops it with status `failed`;
 * no event is ever skipped. A runner runs once: to restart, create a new one.
 */
export class ProjectionRunner {
  readonly name: string;
  readonly generation: number;

  private readonly definition: ProjectionDefinition;
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly catalogue: ProjectionCatalogue;
  private readonly checkpoints: CheckpointStore;
  private readonly names: Map<string, string>;
  /** Collections (by physical name) whose read indexes this runner has not ensured yet. */
  private readonly pendingReadIndexes = new Map<string, ProjectionCollection>();
  private readonly batchSize: number;
  private readonly catchUpBatchSize: number;
  private readonly batchWaitMs: number;
  private readonly checkpointIntervalMs: number;
  private readonly meter: EventRateMeter;
  private readonly waiters = new PositionWaiters();
  private readonly logger: Pick<Console, 'warn'>;
  private readonly upcast: (event: RecordedEvent) => RecordedEvent;
  private readonly onStatusChange: (status: ProjectionStatus) => void;

  private currentStatus: ProjectionStatus = 'stopped';
  private currentFailure: ProjectionFailure | null = null;
  private applied: Position | undefined;
  private saved: Position | undefined;
  private savedAt = 0;
  private isCaughtUp = false;
  private resolveCaughtUp!: (caughtUp: boolean) => void;
  private readonly caughtUp = new Promise<boolean>((resolve) => (this.resolveCaughtUp = resolve));
  private statusReports: Promise<void> = Promise.resolve();
  private subscription: Subscription | undefined;
  private reader: SubscriptionReader | undefined;
  private loop: Promise<void> | undefined;
  /** The commit of the previous batch, while the next one is being projected; rejects with a BatchFailure. */
  private inFlight: Promise<void> | undefined;
  private stopping = false;
  private finished = false;

  constructor(options: ProjectionRunnerOptions) {
    this.definition = options.definition;
    this.name = options.definition.name;
    this.generation = options.generation;
    this.eventStore = options.eventStore;
    this.readStore = options.readStore;
    this.catalogue = new ProjectionCatalogue(options.readStore);
    this.checkpoints = new CheckpointStore(options.readStore);
    this.names = collectionNameMap(options.definition, options.generation);
    for (const spec of options.definition.collections) {
      if (spec.readIndexes?.length) this.pendingReadIndexes.set(this.names.get(spec.name)!, spec);
    }
    this.batchSize = options.batchSize ?? 500;
    this.catchUpBatchSize = options.catchUpBatchSize ?? options.batchSize ?? 2000;
    this.batchWaitMs = options.batchWaitMs ?? 5;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 1000;
    this.meter = new EventRateMeter(options.rateWindowMs ?? 10_000);
    this.logger = options.logger ?? console;
    this.upcast = options.upcast ?? ((event) => event);
    this.onStatusChange = options.onStatusChange ?? (() => undefined);
  }

  get status(): ProjectionStatus {
    return this.currentStatus;
  }

  get failure(): ProjectionFailure | null {
    return this.currentFailure;
  }

  /** The position up to which the read model reflects `$all` (the stored checkpoint may trail it). */
  get checkpoint(): Position | undefined {
    return this.applied;
  }

  metrics(head: Position | undefined): RunnerMetrics {
    return {
      generation: this.generation,
      status: this.currentStatus,
      checkpoint: this.applied ? positionToString(this.applied) : null,
      lag: positionLag(head, this.applied),
      eventsPerSecond: Math.round(this.meter.perSecond() * 10) / 10,
      failure: this.currentFailure,
    };
  }

  /** Reads the checkpoint and starts consuming in the background. */
  async start(): Promise<void> {
    if (this.loop || this.stopping) throw new Error(`Runner ${this.name}@v${this.generation} was already started`);
    this.applied = await this.checkpoints.read(this.name, this.generation);
    this.saved = this.applied;
    this.savedAt = Date.now();
    this.setStatus('catching-up', null);
    this.subscription = this.eventStore.subscribeAll({ fromPosition: this.applied, filter: this.definition.filter });
    this.reader = new SubscriptionReader(this.subscription);
    this.loop = this.run();
  }

  /** Finishes the batch in hand, saves the checkpoint and closes the subscription. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.reader?.interrupt();
    await this.loop;
  }

  /** Resolves when the runner has ended (stopped or failed). */
  async whenFinished(): Promise<void> {
    await this.loop;
  }

  /** True once the subscription has caught up with the head; false if the runner ends first. */
  whenCaughtUp(): Promise<boolean> {
    return this.caughtUp;
  }

  /** True once caught up and the checkpoint has reached the head read at that moment. */
  async whenUpToDate(): Promise<boolean> {
    if (!(await this.whenCaughtUp())) return false;
    const head = await this.eventStore.headPosition();
    return head === undefined || this.waitForPosition(head);
  }

  /** True once the read model reflects `position`; false on timeout or when the runner ends first. */
  waitForPosition(position: Position, timeoutMs?: number): Promise<boolean> {
    if (this.finished) return Promise.resolve(this.reached(position));
    return this.waiters.wait(this.applied, position, timeoutMs);
  }

  private reached(position: Position): boolean {
    return this.applied !== undefined && comparePositions(this.applied, position) >= 0;
  }

  private async run(): Promise<void> {
    let failure: ProjectionFailure | null = null;
    try {
      await this.consume();
      await this.settleInFlight();
      await this.saveCheckpoint();
    } catch (error) {
      // A commit still in flight is older than whatever failed after it: let it land (or blame it).
      const earlier = await this.settleInFlight().then(
        () => undefined,
        (inFlightError: unknown) => inFlightError,
      );
      failure = failureOf(earlier ?? error);
    }
    await this.subscription?.close().catch((error) => this.logger.warn(`Closing the subscription of ${this.name}: ${messageOf(error)}`));
    this.setStatus(failure ? 'failed' : 'stopped', failure);
    this.finished = true;
    this.waiters.cancelAll();
    this.resolveCaughtUp(false);
    await this.statusReports;
  }

  private async consume(): Promise<void> {
    const reader = this.reader!;
    while (!this.stopping) {
      // Idle with an unsaved checkpoint: wake up to save it.
      const first = await reader.next(this.unsavedCheckpoint() ? this.checkpointIntervalMs : undefined);
      if (first.kind === 'end') return;
      if (first.kind === 'timeout') {
        await this.saveCheckpoint();
        continue;
      }
      const batch = new PendingBatch();
      batch.add(first.item);
      const limit = this.isCaughtUp ? this.batchSize : this.catchUpBatchSize;
      // The wait is counted from the batch's first event, not per event: under a steady stream
      // of appends a per-event wait would hold the batch open until it is full.
      const deadline = performance.now() + this.batchWaitMs;
      while (batch.events.length < limit && !batch.reachedHead) {
        // Until the head is first reached the subscription has more to deliver at once: no wait
        // limit, which spares a timer per event (a tenth of a rebuild's time).
        const next = await reader.next(this.isCaughtUp ? Math.max(0, deadline - performance.now()) : undefined);
        if (next.kind !== 'item') break;
        batch.add(next.item);
      }
      await this.apply(batch);
      if (batch.reachedHead) {
        await this.settleInFlight();
        await this.markCaughtUp();
      }
      // Embedded stores answer synchronously, so a catch-up would otherwise never leave the
      // microtask queue: let the requests waiting on this process in between batches.
      await setImmediate();
    }
  }

  /**
   * Projects the batch, then starts its commit once the previous one has landed, and returns
   * without waiting for it: the next batch is read and projected while this one is written
   * (a store that commits on another thread or server). One commit in flight at most, so
   * commits land in order and a failed one stops the runner before any later batch is written.
   */
  private async apply(batch: PendingBatch): Promise<void> {
    const end = batch.end;
    if (!end) return;
    if (batch.events.length === 0) {
      await this.settleInFlight();
      // Nothing to write: the read model already reflects the scanned position.
      this.advance(end);
      if (batch.reachedHead || Date.now() - this.savedAt >= this.checkpointIntervalMs) await this.saveCheckpoint();
      return;
    }
    const writes: CollectionWrite[] = [];
    for (const event of batch.events) {
      try {
        writes.push(...toPhysicalWrites(this.name, this.definition.handle(this.upcast(event)), this.names));
      } catch (error) {
        throw new BatchFailure({ eventId: event.id, position: positionToString(event.position), type: event.type, error: messageOf(error) });
      }
    }
    writes.push(CheckpointStore.write(this.name, this.generation, end));
    await this.settleInFlight();
    const commit = (async () => {
      try {
        await this.ensureReadIndexesNeededBy(writes);
        await this.readStore.commit(writes);
      } catch (error) {
        // Wake the loop (it may be waiting for events) so the failure is recorded at once.
        this.reader?.interrupt();
        throw new BatchFailure(this.commitFailure(batch, error));
      }
      this.markSaved(end);
      this.advance(end);
      this.meter.record(batch.events.length);
    })();
    // Awaited by settleInFlight; until then its rejection is not unhandled.
    commit.catch(() => undefined);
    this.inFlight = commit;
  }

  /** Waits for the commit in flight, if any; rethrows its BatchFailure. */
  private async settleInFlight(): Promise<void> {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    try {
      await inFlight;
    } finally {
      if (this.inFlight === inFlight) this.inFlight = undefined;
    }
  }

  /** A failed commit is blamed on its event when the batch holds only one. */
  private commitFailure(batch: PendingBatch, error: unknown): ProjectionFailure {
    const first = batch.events[0];
    const last = batch.events[batch.events.length - 1];
    if (first === last) {
      return { eventId: first.id, position: positionToString(first.position), type: first.type, error: messageOf(error) };
    }
    const range = `${positionToString(first.position)}..${positionToString(last.position)}`;
    return { eventId: null, position: positionToString(first.position), type: null, error: `Commit of events ${range} failed: ${messageOf(error)}` };
  }

  private unsavedCheckpoint(): boolean {
    return this.applied !== undefined && (this.saved === undefined || comparePositions(this.applied, this.saved) > 0);
  }

  private async saveCheckpoint(): Promise<void> {
    await this.settleInFlight();
    if (!this.unsavedCheckpoint()) return;
    const position = this.applied!;
    await this.readStore.commit([CheckpointStore.write(this.name, this.generation, position)]);
    this.markSaved(position);
  }

  private markSaved(position: Position): void {
    this.saved = position;
    this.savedAt = Date.now();
  }

  private advance(position: Position): void {
    if (this.reached(position)) return;
    this.applied = position;
    this.waiters.advance(position);
  }

  /**
   * Read indexes wait until the catch-up is over (ProjectionCollection), unless a write filters
   * on something other than `_id` in their collection: that write may need them now.
   */
  private async ensureReadIndexesNeededBy(writes: CollectionWrite[]): Promise<void> {
    if (this.pendingReadIndexes.size === 0) return;
    for (const { collection, write } of writes) {
      if (write.op !== 'insertOne' && !filtersByIdOnly(write.filter)) await this.ensurePendingReadIndexes(collection);
    }
  }

  /** Creates the read indexes of one collection (by physical name), if still pending. */
  private async ensurePendingReadIndexes(collection: string): Promise<void> {
    const spec = this.pendingReadIndexes.get(collection);
    if (!spec) return;
    await ensureReadIndexes(this.readStore, spec, this.generation);
    this.pendingReadIndexes.delete(collection);
  }

  private async markCaughtUp(): Promise<void> {
    if (this.isCaughtUp) return;
    for (const collection of [...this.pendingReadIndexes.keys()]) await this.ensurePendingReadIndexes(collection);
    this.isCaughtUp = true;
    this.setStatus('running', null);
    this.resolveCaughtUp(true);
  }

  /** Status reports are written in order, after the state they describe. */
  private setStatus(status: ProjectionStatus, failure: ProjectionFailure | null): void {
    this.currentStatus = status;
    this.currentFailure = failure;
    this.onStatusChange(status);
    this.statusReports = this.statusReports
      .then(() => this.catalogue.reportStatus(this.name, this.generation, status, failure))
      .catch((error) => this.logger.warn(`Recording status ${status} of ${this.name}@v${this.generation}: ${messageOf(error)}`));
  }
}
