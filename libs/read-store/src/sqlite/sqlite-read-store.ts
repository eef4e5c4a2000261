import Database from 'better-sqlite3';
import { assertCollectionName, assertScalarFieldsKept, assertSupportedCollectionSpec, assertSupportedWrites } from '../query';
import type { Collection, CollectionSpec, CollectionWrite, Document, ReadStore } from '../read-store.port';
import { BackgroundCheckpointer } from './background-checkpointer';
import { SqliteCatalogue } from './sqlite-catalogue';
import { SqliteCollection } from './sqlite-collection';
import { mapSqliteError } from './sqlite-errors';
import { SqliteWriter } from './sqlite-writer';
import { StatementCache } from './statement-cache';

/** How often the checkpoint thread copies the WAL into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The embedded ReadStore: one SQLite table per collection, documents as JSON, declared
 * indexes as expression indexes on `json_extract`. Give it a file path (or ':memory:'), or an
 * open better-sqlite3 Database to share one file with the event store; a shared database is
 * left open by close() and its connection settings are left to its owner.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly statements: StatementCache;
  private readonly catalogue: SqliteCatalogue;
  private readonly writer: SqliteWriter;
  private readonly checkpointer: BackgroundCheckpointer | undefined;

  constructor(source: string | Database.Database = ':memory:') {
    this.ownsDb = typeof source === 'string';
    this.db = typeof source === 'string' ? new Database(source) : source;
    if (this.ownsDb) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      // Freed and overwritten content is zeroed, so an erased value (T10) leaves no bytes behind.
      this.db.pragma('secure_delete = ON');
      // Projections rewrite index pages all over their tables: keep more of them in memory (32 MiB instead of 2).
      this.db.pragma('cache_size = -32768');
      if (typeof source === 'string' && source !== ':memory:' && source !== '') {
        // Checkpoints run on a thread of their own; this connection checkpoints only as a backstop
        // (400 MiB of WAL), should that thread fall far behind or stop.
        this.checkpointer = new BackgroundCheckpointer(source, CHECKPOINT_INTERVAL_MS);
        this.db.pragma('wal_autocheckpoint = 100000');
      }
    }
    this.statements = new StatementCache(this.db);
    this.catalogue = new SqliteCatalogue(this.db, this.statements);
    this.writer = new SqliteWriter(this.statements, this.catalogue);
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertSupportedCollectionSpec(spec);
    try {
      this.catalogue.ensureCollection(spec);
    } catch (error) {
      this.catalogue.forgetKnown();
      // A unique index over documents that already collide.
      throw mapSqliteError(error, spec.name);
    }
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    assertCollectionName(name);
    return new SqliteCollection<T>(name, this.statements, this.catalogue, (writes) => this.commit(writes));
  }

  async commit(writes: CollectionWrite[]): Promise<void> {
    assertSupportedWrites(writes);
    if (writes.length === 0) return;
    assertScalarFieldsKept(writes, (collection) => this.catalogue.scalarFields(collection));
    let current = '';
    try {
      this.db
        .transaction(() => {
          for (const { collection, write } of writes) {
            current = collection;
            this.writer.apply(collection, write);
          }
        })
        .immediate();
    } catch (error) {
      this.catalogue.forgetKnown();
      throw mapSqliteError(error, current);
    }
  }

  async listCollections(): Promise<string[]> {
    return this.catalogue.list();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    this.catalogue.drop(name);
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.ownsDb && this.db.open) this.db.close();
  }

  /**
   * Copies the WAL into the database file and truncates it to zero bytes, so that no old page
   * image (e.g. a value overwritten by an erasure) stays in the `-wal` file. True when the whole
   * WAL was checkpointed (false when a reader still needed part of it; try again later).
   */
  async compact(): Promise<boolean> {
    if (!this.db.open) return false;
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return result?.busy === 0;
  }
}
