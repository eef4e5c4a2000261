// Also loaded by the writer thread (append-worker.ts): relative imports only, no @trilha/* aliases.
import type Database from 'better-sqlite3';
import type { AppendResult, EventData, ExpectedRevision } from '../event-store.port';
import { assertExpectedRevision, type CurrentRevision } from '../embedded/expected-revision';
import { classifyBatch, type StoredEventRef } from '../embedded/retried-append';
import { toPosition } from './event-row';
import type { Outcome } from './group-commit';

/** An event whose data and metadata are already JSON text: what crosses to the writer thread. */
export interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** One append as the writer receives it. */
export interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

/**
 * Serialized on the caller's side (the main thread): the payload is turned into JSON exactly as
 * the caller's objects say (toJSON and all), and only strings cross to the writer thread.
 */
export function toAppendRequest(streamId: string, events: EventData[], expected: ExpectedRevision): AppendRequest {
  return {
    streamId,
    expected,
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata ?? {}),
    })),
  };
}

interface StoredEventRow {
  streamId: string;
  revision: bigint;
  position: bigint;
}

/**
 * The synchronous write side of the SQLite event store, on one connection: a group of appends in
 * one IMMEDIATE transaction, each append in a savepoint of its own (ADR 0020). Runs on the writer
 * thread for a file, on the caller's thread for ':memory:' (ADR 0022).
 */
export class AppendWriter {
  private readonly statements: {
    currentRevision: Database.Statement<[string], bigint>;
    refById: Database.Statement<[string], StoredEventRow>;
    insert: Database.Statement<[string, bigint, string, string, string, string, string]>;
  };
  private readonly group: Database.Transaction<(requests: AppendRequest[]) => Array<Outcome<AppendResult>>>;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      currentRevision: db
        .prepare<[string], bigint>('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
        .pluck(),
      refById: db.prepare('SELECT stream_id AS streamId, revision, position FROM events WHERE event_id = ?'),
      insert: db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
    // Called inside the group's transaction, better-sqlite3 runs `appendOne` in a savepoint.
    const appendOne = db.transaction((request: AppendRequest) => this.appendRows(request));
    this.group = db.transaction((requests: AppendRequest[]): Array<Outcome<AppendResult>> =>
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
  }

  /**
   * Commits the group durably and says, per append, in order, what became of it. Throws when the
   * transaction itself fails (lock timeout, disk full, I/O): then nothing of the group is stored.
   */
  commit(requests: AppendRequest[]): Array<Outcome<AppendResult>> {
    return this.group.immediate(requests);
  }

  /** Runs in the append's savepoint inside the group's IMMEDIATE transaction: anything thrown rolls the whole batch back. */
  private appendRows({ streamId, events, expected }: AppendRequest): AppendResult {
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
      try {
        const info = this.statements.insert.run(streamId, next, event.id, event.type, event.data, event.metadata, created);
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
