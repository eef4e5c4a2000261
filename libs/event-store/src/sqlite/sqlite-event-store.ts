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
import { assertExpectedRevision, type CurrentRevision } from '../embedded/expected-revision';
import { readAllFrom } from '../embedded/read-all';
import { classifyBatch, type StoredEventRef } from '../embedded/retried-append';
import { EVENT_COLUMNS, toPosition, toRecordedEvent, type EventRow } from './event-row';
import { GroupCommit, type Outcome } from './group-commit';
import { openEventsDatabase } from './sqlite-schema';

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
 * Group commit (docs/adr/0020-group-commit-in-the-sqlite-event-store.md): the appends made during
 * one turn of the event loop share that transaction and its fsync, in the order they were made.
 * Each runs in a savepoint of its own, with its own expected-revision check: one that fails is
 * rolled back to its savepoint and answers its error, the others commit. The transaction is
 * all or nothing on disk, so a crash never leaves part of a group.
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
    currentRevision: Database.Statement<[string], bigint>;
    refById: Database.Statement<[string], StoredEventRow>;
    insert: Database.Statement<[string, bigint, string, string, string, string, string]>;
    readForwards: Database.Statement<[string, bigint, number], EventRow>;
    readBackwards: Database.Statement<[string, bigint, number], EventRow>;
    readPage: Database.Statement<[bigint, number], EventRow>;
    head: Database.Statement<[], bigint | null>;
  };

  private readonly appends: GroupCommit<AppendRequest, AppendResult>;

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
    this.db = openEventsDatabase(path);
    this.pollIntervalMs = path === ':memory:' ? undefined : (options.pollIntervalMs ?? 500);
    this.statements = {
      currentRevision: this.db
        .prepare<[string], bigint>('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
        .pluck(),
      refById: this.db.prepare('SELECT stream_id AS streamId, revision, position FROM events WHERE event_id = ?'),
      insert: this.db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      readForwards: this.db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      readBackwards: this.db.prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      readPage: this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      head: this.db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck(),
    };
    // Called inside the group's transaction, better-sqlite3 runs `appendOne` in a savepoint.
    const appendOne = this.db.transaction((request: AppendRequest) => this.appendRows(request.streamId, request.events, request.expected));
    const group = this.db.transaction((requests: AppendRequest[]): Array<Outcome<AppendResult>> =>
      requests.map((request) => {
        try {
          return { ok: true, result: appendOne(request) };
        } catch (error) {
          // Some errors (disk full, I/O) make SQLite roll back the whole transaction: fail the group.
          if (!this.db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
    this.appends = new GroupCommit((requests) => {
      const outcomes = group.immediate(requests);
      if (outcomes.some((outcome) => outcome.ok)) for (const listener of [...this.listeners]) listener();
      return outcomes;
    });
  }

  async append(streamId: string, events: EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (!this.db.open) throw new TypeError('The event store is closed');
    return this.appends.submit({ streamId, events, expected: expectedRevision });
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

  /** Commits the appends still queued, ends every open subscription, then closes the file. */
  async close(): Promise<void> {
    if (this.db.open) this.appends.flushAll();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.db.open) this.db.close();
  }

  /** Runs in the append's savepoint inside the group's IMMEDIATE transaction: anything thrown rolls the whole batch back. */
  private appendRows(streamId: string, events: EventData[], expected: ExpectedRevision): AppendResult {
    const refs = events.map((event) => this.refOf(event.id));
    const status = classifyBatch(streamId, expected, events.map((event) => event.id), refs);
    if (status.kind === 'retry') return status.result;

    const revision = this.statements.currentRevision.get(streamId);
    const current: CurrentRevision = revision === undefined ? 'noStream' : revision;
    assertExpectedRevision(streamId, expected, current);
    if (status.kind === 'clash') throw new Error(`Event id ${status.eventId} is already stored`);

    const created = new Date().toISOString();
    let next = current === 'noStream' ? 0n : current + 1n;
    let position = 0n;
    for (const event of events) {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata ?? {});
      try {
        const info = this.statements.insert.run(streamId, next, event.id, event.type, data, metadata, created);
        position = BigInt(info.lastInsertRowid);
      } catch (error) {
        // Stored ids were ruled out above and the write lock keeps revisions free, so a unique
        // violation here can only be an id repeated within this batch.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new Error(`Event id ${event.id} appears twice in the batch`);
        }
        throw error;
      }
      next += 1n;
    }
    return { nextExpectedRevision: next - 1n, position: toPosition(position) };
  }

  private refOf(eventId: string): StoredEventRef | undefined {
    const row = this.statements.refById.get(eventId);
    return row && { streamId: row.streamId, revision: row.revision, position: toPosition(row.position) };
  }
}

interface AppendRequest {
  streamId: string;
  events: EventData[];
  expected: ExpectedRevision;
}

interface StoredEventRow {
  streamId: string;
  revision: bigint;
  position: bigint;
}
