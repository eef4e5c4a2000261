import type Database from 'better-sqlite3';
import type { CollectionSpec, CollectionWrite } from '../read-store.port';
import type { SqliteCatalogue } from './sqlite-catalogue';
import { mapSqliteError } from './sqlite-errors';
import { SqliteWriter } from './sqlite-writer';
import type { StatementCache } from './statement-cache';

/**
 * The store's writes on one connection, each in its own transaction, synchronously: run on the
 * main thread for an in-memory or shared database, on the writer thread for a file the store
 * owns (write-worker.ts). Writes arrive validated. Relative imports only (loaded by the thread).
 */
export class SqliteWrites {
  private readonly writer: SqliteWriter;

  constructor(
    private readonly db: Database.Database,
    statements: StatementCache,
    private readonly catalogue: SqliteCatalogue,
  ) {
    this.writer = new SqliteWriter(statements, catalogue);
  }

  commit(writes: CollectionWrite[]): void {
    let current = '';
    try {
      this.db
        .transaction(() => {
          for (const { collection, write } of writes) {
            current = collection;
            this.writer.apply(collection, write);
          }
          this.writer.finish((collection) => (current = collection));
        })
        .immediate();
    } catch (error) {
      this.writer.discard();
      this.catalogue.forgetKnown();
      throw mapSqliteError(error, current);
    }
  }

  ensureCollection(spec: CollectionSpec): void {
    try {
      this.catalogue.ensureCollection(spec);
    } catch (error) {
      this.catalogue.forgetKnown();
      // A unique index over documents that already collide.
      throw mapSqliteError(error, spec.name);
    }
  }

  drop(name: string): void {
    this.catalogue.drop(name);
  }

  /** The declared scalar fields as this connection's catalogue knows them. */
  scalarFields(name: string): readonly string[] {
    return this.catalogue.scalarFields(name);
  }
}
