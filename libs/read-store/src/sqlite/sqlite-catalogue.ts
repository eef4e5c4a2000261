import type Database from 'better-sqlite3';
import { UnsupportedQueryError } from '../errors';
import type { CollectionSpec, IndexSpec } from '../read-store.port';
import { indexName, tableName, valueSql } from './sqlite-names';
import type { StatementCache } from './statement-cache';

/**
 * The `_collections` table lists the collections and their declared indexes; each collection
 * is a table `rs_<name>(id TEXT PRIMARY KEY, doc TEXT)` holding the document as JSON.
 */
export class SqliteCatalogue {
  /** Collections known to exist, so writes skip the CREATE ... IF NOT EXISTS round. */
  private readonly known = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL DEFAULT '[]')`);
  }

  exists(name: string): boolean {
    if (this.known.has(name)) return true;
    const found = this.statements.get('SELECT 1 FROM _collections WHERE name = ?').get(name) !== undefined;
    if (found) this.known.add(name);
    return found;
  }

  /** Creates the table if missing; call inside the write transaction. */
  ensureTable(name: string): void {
    if (this.exists(name)) return;
    // SQLite table names ignore case: `Foo` and `foo` would share one table.
    const clash = this.statements.get('SELECT name FROM _collections WHERE name = ? COLLATE NOCASE').get(name) as { name: string } | undefined;
    if (clash) throw new UnsupportedQueryError(`collection '${name}' differs from '${clash.name}' only by case`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${tableName(name)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    this.statements.get('INSERT OR IGNORE INTO _collections (name) VALUES (?)').run(name);
    this.known.add(name);
  }

  ensureCollection(spec: CollectionSpec): void {
    this.db
      .transaction(() => {
        this.ensureTable(spec.name);
        const declared = this.declaredIndexes(spec.name);
        for (const index of spec.indexes ?? []) {
          this.db.exec(createIndexSql(spec.name, index));
          if (!declared.some((d) => indexName(spec.name, d) === indexName(spec.name, index))) declared.push(index);
        }
        this.statements.get('UPDATE _collections SET indexes = ? WHERE name = ?').run(JSON.stringify(declared), spec.name);
      })
      .immediate();
  }

  /** After a rolled-back transaction: tables it created are gone, so trust nothing cached. */
  forgetKnown(): void {
    this.known.clear();
  }

  list(): string[] {
    return (this.statements.get('SELECT name FROM _collections ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
  }

  drop(name: string): void {
    this.db
      .transaction(() => {
        this.db.exec(`DROP TABLE IF EXISTS ${tableName(name)}`);
        this.statements.get('DELETE FROM _collections WHERE name = ?').run(name);
      })
      .immediate();
    this.known.delete(name);
    this.statements.clear();
  }

  private declaredIndexes(name: string): IndexSpec[] {
    const row = this.statements.get('SELECT indexes FROM _collections WHERE name = ?').get(name) as { indexes: string } | undefined;
    return row ? (JSON.parse(row.indexes) as IndexSpec[]) : [];
  }
}

function createIndexSql(collection: string, index: IndexSpec): string {
  const columns = Object.entries(index.fields)
    .map(([path, direction]) => `${valueSql(path)} ${direction === 1 ? 'ASC' : 'DESC'}`)
    .join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName(collection, index)} ON ${tableName(collection)} (${columns})`;
}
