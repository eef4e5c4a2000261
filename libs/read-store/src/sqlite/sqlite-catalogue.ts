import type Database from 'better-sqlite3';
import { UnsupportedQueryError } from '../errors';
import type { CollectionSpec, IndexSpec } from '../read-store.port';
import { indexName, jsonPath, tableName, valueSql } from './sqlite-names';
import type { StatementCache } from './statement-cache';

const NO_FIELDS: readonly string[] = Object.freeze([]);

/**
 * The `_collections` table lists the collections, their declared indexes and their declared
 * scalar fields; each collection is a table `rs_<name>(id TEXT PRIMARY KEY, doc TEXT)` holding
 * the document as JSON.
 */
export class SqliteCatalogue {
  /** Collections known to exist, so writes skip the CREATE ... IF NOT EXISTS round. */
  private readonly known = new Set<string>();
  /**
   * Declared scalar fields of existing collections, read once: a declaration only grows, and
   * goes only with its collection (dropped through this store, or a file another process
   * recreated it in, which `known` does not follow either).
   */
  private readonly scalars = new Map<string, readonly string[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL DEFAULT '[]', scalar_fields TEXT NOT NULL DEFAULT '[]')`);
    addScalarFieldsColumn(db);
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
    const scalars = this.db
      .transaction(() => {
        this.ensureTable(spec.name);
        const declared = this.declaredIndexes(spec.name);
        for (const index of spec.indexes ?? []) {
          this.db.exec(createIndexSql(spec.name, index));
          if (!declared.some((d) => indexName(spec.name, d) === indexName(spec.name, index))) declared.push(index);
        }
        const scalars = this.declareScalarFields(spec.name, spec.scalarFields ?? []);
        this.statements
          .get('UPDATE _collections SET indexes = ?, scalar_fields = ? WHERE name = ?')
          .run(JSON.stringify(declared), JSON.stringify(scalars), spec.name);
        return scalars;
      })
      .immediate();
    this.scalars.set(spec.name, scalars);
  }

  /** The collection's declared scalar fields (none for a collection that does not exist). */
  scalarFields(name: string): readonly string[] {
    const cached = this.scalars.get(name);
    if (cached !== undefined) return cached;
    const row = this.statements.get('SELECT scalar_fields FROM _collections WHERE name = ?').get(name) as { scalar_fields: string } | undefined;
    if (row === undefined) return NO_FIELDS;
    const fields = Object.freeze(JSON.parse(row.scalar_fields) as string[]);
    this.scalars.set(name, fields);
    return fields;
  }

  /** After a rolled-back transaction: tables it created are gone, so trust nothing cached. */
  forgetKnown(): void {
    this.known.clear();
    this.scalars.clear();
  }

  /** Another connection (the writer thread) declared or dropped the collection: read it again when next asked. */
  forget(name: string): void {
    this.known.delete(name);
    this.scalars.delete(name);
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
    this.scalars.delete(name);
    this.statements.clear();
  }

  /**
   * The declared fields plus `fields`. A field declared now over stored documents is checked
   * against them first (a new generation is empty; an existing one is read once, when its
   * projection first declares the field); one that holds an array or object is refused.
   */
  private declareScalarFields(name: string, fields: readonly string[]): string[] {
    const row = this.statements.get('SELECT scalar_fields FROM _collections WHERE name = ?').get(name) as { scalar_fields: string };
    const declared = JSON.parse(row.scalar_fields) as string[];
    for (const field of fields) {
      if (declared.includes(field)) continue;
      const offending = this.statements.get(`SELECT id FROM ${tableName(name)} WHERE ${nonScalarSql(field)} LIMIT 1`).get() as { id: string } | undefined;
      if (offending) {
        throw new UnsupportedQueryError(
          `collection '${name}': cannot declare field '${field}' scalar: document '${offending.id}' holds an array or object there (rebuild into a new generation, or leave it undeclared)`,
        );
      }
      declared.push(field);
    }
    return declared;
  }

  private declaredIndexes(name: string): IndexSpec[] {
    const row = this.statements.get('SELECT indexes FROM _collections WHERE name = ?').get(name) as { indexes: string } | undefined;
    return row ? (JSON.parse(row.indexes) as IndexSpec[]) : [];
  }
}

/** Older files have `_collections` without the `scalar_fields` column: add it (nothing declared). */
function addScalarFieldsColumn(db: Database.Database): void {
  const columns = db.prepare('PRAGMA table_info(_collections)').all() as Array<{ name: string }>;
  if (columns.some((c) => c.name === 'scalar_fields')) return;
  try {
    db.exec(`ALTER TABLE _collections ADD COLUMN scalar_fields TEXT NOT NULL DEFAULT '[]'`);
  } catch (error) {
    // Another connection to the same file added it first.
    if (!/duplicate column/i.test((error as Error).message)) throw error;
  }
}

/** True for a document where `field` holds an array or an object, or sits under an array. */
function nonScalarSql(field: string): string {
  const segments = field.split('.');
  const above = segments.slice(0, -1).map((_, i) => `json_type(doc, '${jsonPath(segments.slice(0, i + 1).join('.'))}') = 'array'`);
  return [`json_type(doc, '${jsonPath(field)}') IN ('array', 'object')`, ...above].join(' OR ');
}

function createIndexSql(collection: string, index: IndexSpec): string {
  const columns = Object.entries(index.fields)
    .map(([path, direction]) => `${valueSql(path)} ${direction === 1 ? 'ASC' : 'DESC'}`)
    .join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName(collection, index)} ON ${tableName(collection)} (${columns})`;
}
