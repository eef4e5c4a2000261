import type Database from 'better-sqlite3';
import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
} from '../event-store.port';
import { CatchUpSubscription } from '../embedded/catch-up-subscription';
import type { EventSource, ScannedEvent } from '../embedded/event-source';
import { readAllFrom } from '../embedded/read-all';
import { AppendWriter, toAppendRequest, type AppendRequest } from './append-writer';
import { EVENT_COLUMNS, toPosition, toRecordedEvent, type EventRow } from './event-row';
import { GroupCommit } from './group-commit';
import { openEventsDatabase } from './sqlite-schema';
import { WorkerCommitter } from './worker-committer';

export interface SqliteEventStoreOptions {
  /**
   * How often a live subscription re-reads when no append of this process woke it, to pick up
   * appends made by another process on the same file. Default 500 ms; none for ':memory:'.
   */
  pollIntervalMs?: number;
}

interface ScannedRow extends ScannedEvent {
  row: EventRow;
}

const MAX_REVISION = 9223372036854775807n;
/** SQLite reads a negative LIMIT as "no limit". */
const NO_LIMIT = -1;

/**
 * The embedded EventStore: one SQLite file (WAL, synchronous FULL), one `events` table whose
 * autoincrement key is the global position. Appends run in one IMMEDIATE transaction, which
 * takes the write lock before the expected revision is checked, so the check holds against
 * other processes writing the same file too.
 *
 * Group commit (docs/adr/0020-group-commit-in-the-sqlite-event-store.md): concurrent appends share
 * that transaction and its fsync, in the order they were made. Each runs in a savepoint of its
 * own, with its own expected-revision check: one that fails is rolled back to its savepoint and
 * answers its error, the others commit. The transaction is all or nothing on disk, so a crash
 * never leaves part of a group.
 *
 * Writer thread (docs/adr/0022-sqlite-event-store-commits-on-a-writer-thread.md): for a file, the
 * groups are committed by a worker thread on a connection of its own (AppendWriter), so that the
 * fsync does not stall the event loop; this thread's connection only reads. While a group is in
 * flight the next appends queue here. ':memory:' commits on this thread with the same AppendWriter.
 *
 * A batch whose event ids are already stored as the result of the same append is a no-op that
 * answers the original result (see classifyBatch); any other reuse of an event id is refused.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number | undefined;

  private readonly statements: {
    readForwards: Database.Statement<[string, bigint, number], EventRow>;
    readBackwards: Database.Statement<[string, bigint, number], EventRow>;
    readPage: Database.Statement<[bigint, number], EventRow>;
    head: Database.Statement<[], bigint | null>;
  };

  /** The writer thread for a file; none for ':memory:', which commits on this thread. */
  private readonly committer: WorkerCommitter | undefined;
  private readonly appends: GroupCommit<AppendRequest, AppendResult>;
  private closed: Promise<void> | undefined;

  private readonly source: EventSource<ScannedRow> = {
    readPage: (after, limit) =>
      this.statements.readPage
        .all(after?.commit ?? 0n, limit)
        .map((row) => ({ position: toPosition(row.position), streamId: row.streamId, type: row.type, row })),
    toRecorded: (scanned) => toRecordedEvent(scanned.row),
    onAppend: (listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  };

  constructor(path: string, options: SqliteEventStoreOptions = {}) {
    const inMemory = path === ':memory:';
    this.db = openEventsDatabase(path);
    this.pollIntervalMs = inMemory ? undefined : (options.pollIntervalMs ?? 500);
    this.statements = {
      readForwards: this.db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      readBackwards: this.db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      readPage: this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      head: this.db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck(),
    };
    // ':memory:' is private to this connection: no other thread can write it, so it commits here.
    this.committer = inMemory ? undefined : new WorkerCommitter(path);
    const writer = inMemory ? new AppendWriter(this.db) : undefined;
    this.appends = new GroupCommit(async (requests) => {
      const outcomes = this.committer ? await this.committer.commit(requests) : writer!.commit(requests);
      if (outcomes.some((outcome) => outcome.ok)) for (const listener of [...this.listeners]) listener();
      return outcomes;
    });
  }

  async append(streamId: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (this.closed) throw new TypeError('The event store is closed');
    return this.appends.submit(toAppendRequest(streamId, events, expectedRevision));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? NO_LIMIT;
    const from = options.from;
    if (options.direction === 'backwards') {
      const fromRevision = from === undefined || from === 'end' ? MAX_REVISION : from === 'start' ? 0n : from;
      return this.statements.readBackwards.all(streamId, fromRevision, limit).map(toRecordedEvent);
    }
    if (from === 'end') return [];
    const fromRevision = from === undefined || from === 'start' ? 0n : from;
    return this.statements.readForwards.all(streamId, fromRevision, limit).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllFrom(this.source, options);
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    const subscription: Subscription = new CatchUpSubscription(
      this.source,
      options,
      { pollIntervalMs: this.pollIntervalMs },
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    const head = this.statements.head.get();
    return head === null || head === undefined ? undefined : toPosition(head);
  }

  /**
   * Commits the appends still queued and waits for the group in flight, stops the writer thread,
   * ends every open subscription, then closes the file.
   */
  close(): Promise<void> {
    this.closed ??= this.closeNow();
    return this.closed;
  }

  private async closeNow(): Promise<void> {
    await this.appends.flushAll();
    await this.committer?.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }
}
