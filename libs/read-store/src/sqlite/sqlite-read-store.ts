import type Database from 'better-sqlite3';
import { assertCollectionName, assertScalarFieldsKept, assertSupportedCollectionSpec, assertSupportedWrites } from '../query';
import type { Collection, CollectionSpec, CollectionWrite, Document, ReadStore } from '../read-store.port';
import { BackgroundCheckpointer } from './background-checkpointer';
import { SqliteCatalogue } from './sqlite-catalogue';
import { SqliteCollection } from './sqlite-collection';
import { isSharedFile, openReadModelsConnection } from './sqlite-connection';
import { SqliteWrites } from './sqlite-writes';
import { StatementCache } from './statement-cache';
import { WriterThread } from './writer-thread';

/**
 * How often the checkpoint thread copies the WAL into the database file. It runs beside the
 * writer thread: a PASSIVE checkpoint never holds up a commit, whereas one run by the writing
 * connection (about 40 ms per 4 MiB, fsync included) delays the commit that triggers it and
 * every commit queued behind it: the projections' live lag.
 */
const CHECKPOINT_INTERVAL_MS = 250;
/** The writing connection checkpoints only as a backstop (400 MiB of WAL), should the checkpoint thread fall far behind or stop. */
const BACKSTOP_CHECKPOINT_PAGES = 100_000;

/**
 * The embedded ReadStore: one SQLite table per collection, documents as JSON, declared
 * indexes as expression indexes on `json_extract`. Give it a file path (or ':memory:'), or an
 * open better-sqlite3 Database to share one file with the event store; a shared database is
 * left open by close() and its connection settings are left to its owner.
 *
 * On a file it owns, the writes (commit, ensureCollection, dropCollection) are applied by a
 * writer thread on a connection of its own (docs/adr/0028-read-store-commits-on-a-writer-thread.md);
 * they are validated here first, and each resolves once committed, so a read right after sees
 * it. Reads stay on this thread's connection. In memory or on a shared database, writes are
 * applied here, by the same code.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly statements: StatementCache;
  private readonly catalogue: SqliteCatalogue;
  /** Applies the writes on this thread; none when a writer thread does. */
  private readonly local: SqliteWrites | undefined;
  private readonly thread: WriterThread | undefined;
  private readonly checkpointer: BackgroundCheckpointer | undefined;

  constructor(source: string | Database.Database = ':memory:') {
    this.ownsDb = typeof source === 'string';
    const file = typeof source === 'string' && isSharedFile(source) ? source : undefined;
    this.db = typeof source === 'string' ? openReadModelsConnection(source) : source;
    this.statements = new StatementCache(this.db);
    this.catalogue = new SqliteCatalogue(this.db, this.statements);
    if (file) {
      this.thread = new WriterThread({ path: file, walAutocheckpointPages: BACKSTOP_CHECKPOINT_PAGES });
      this.checkpointer = new BackgroundCheckpointer(file, CHECKPOINT_INTERVAL_MS);
    } else {
      this.local = new SqliteWrites(this.db, this.statements, this.catalogue);
    }
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertSupportedCollectionSpec(spec);
    if (this.local) return this.local.ensureCollection(spec);
    try {
      await this.thread!.send({ kind: 'ensureCollection', spec });
    } finally {
      // The declared fields may have grown (or a failure left the catalogue unsure): read them again.
      this.catalogue.forget(spec.name);
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
    if (this.local) return this.local.commit(writes);
    return this.thread!.send({ kind: 'commit', writes });
  }

  async listCollections(): Promise<string[]> {
    return this.catalogue.list();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    if (this.local) return this.local.drop(name);
    try {
      await this.thread!.send({ kind: 'drop', name });
    } finally {
      this.catalogue.forget(name);
      // Statements on the dropped table must be prepared again.
      this.statements.clear();
    }
  }

  /** Applies the writes sent so far, stops the writer and checkpoint threads, then closes the connection. */
  async close(): Promise<void> {
    await this.thread?.close();
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
