import { assertFindOptions, assertSupportedFilter, findPageUsing } from '../query';
import type { Collection, Document, Filter, FindOptions, Page, PageOptions, WriteOp } from '../read-store.port';
import type { SqliteCatalogue } from './sqlite-catalogue';
import { filterToSql, sortToSql } from './sqlite-filter';
import { tableName } from './sqlite-names';
import type { StatementCache } from './statement-cache';

/** Reads run outside transactions: WAL gives each statement a consistent snapshot. */
export class SqliteCollection<T extends Document> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly statements: StatementCache,
    private readonly catalogue: SqliteCatalogue,
    private readonly commit: (writes: Array<{ collection: string; write: WriteOp }>) => Promise<void>,
  ) {}

  async findOne(filter: Filter): Promise<T | null> {
    assertSupportedFilter(filter);
    return this.read(null, () => {
      const where = filterToSql(filter, this.catalogue.scalarFields(this.name));
      const row = this.statements.get(`SELECT doc FROM ${tableName(this.name)} WHERE ${where.sql} LIMIT 1`).get(...where.params) as
        | { doc: string }
        | undefined;
      return row ? (JSON.parse(row.doc) as T) : null;
    });
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    assertSupportedFilter(filter);
    assertFindOptions(options);
    return this.read([], () => this.findRows(filter, options));
  }

  private findRows(filter: Filter, options?: FindOptions): T[] {
    const where = filterToSql(filter, this.catalogue.scalarFields(this.name));
    if (options?.anyOrder) {
      const rows = this.statements.get(`SELECT doc FROM ${tableName(this.name)} WHERE ${where.sql}`).all(...where.params) as Array<{ doc: string }>;
      return rows.map((row) => JSON.parse(row.doc) as T);
    }
    // Mongo reads limit 0 as "no limit"; SQLite spells that LIMIT -1.
    const limit = options?.limit ? options.limit : -1;
    const sql = `SELECT doc FROM ${tableName(this.name)} WHERE ${where.sql} ORDER BY ${sortToSql(options?.sort)} LIMIT ? OFFSET ?`;
    const rows = this.statements.get(sql).all(...where.params, limit, options?.skip ?? 0) as Array<{ doc: string }>;
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  async findPage(filter: Filter, options?: PageOptions): Promise<Page<T>> {
    assertSupportedFilter(filter);
    return findPageUsing((f, o) => this.find(f, o), filter, options);
  }

  async count(filter: Filter = {}): Promise<number> {
    assertSupportedFilter(filter);
    return this.read(0, () => {
      const where = filterToSql(filter, this.catalogue.scalarFields(this.name));
      const row = this.statements.get(`SELECT COUNT(*) AS n FROM ${tableName(this.name)} WHERE ${where.sql}`).get(...where.params) as { n: number };
      return row.n;
    });
  }

  /**
   * `run` over the collection's table, or `missing` when there is none. A table dropped by
   * another connection (the writer thread, before its answer has arrived, or another process)
   * since this thread's catalogue last looked reads as no collection, not as an error.
   */
  private read<R>(missing: R, run: () => R): R {
    if (!this.catalogue.exists(this.name)) return missing;
    try {
      return run();
    } catch (error) {
      if (!/^no such table/.test((error as Error | null)?.message ?? '')) throw error;
      this.catalogue.forget(this.name);
      this.statements.clear();
      return this.catalogue.exists(this.name) ? run() : missing;
    }
  }

  bulkWrite(ops: WriteOp[]): Promise<void> {
    return this.commit(ops.map((write) => ({ collection: this.name, write })));
  }
}
