import type Database from 'better-sqlite3';

/** Prepared statements by SQL text; filters of the same shape share one statement. */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly capacity = 500,
  ) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Re-insert to keep the map in least-recently-used order.
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.capacity) {
        this.statements.delete(this.statements.keys().next().value as string);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** Statements on a dropped table must be prepared again. */
  clear(): void {
    this.statements.clear();
  }
}
