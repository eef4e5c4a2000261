import {
  applyUpdateInPlace,
  guardFilter,
  guardReplacement,
  guardUpdate,
  isBeforeGuard,
  upsertId,
  upsertSeed,
} from '../query';
import type { Document, Filter, Update, WriteOp } from '../read-store.port';
import { PendingDocuments, type PendingDocument } from './pending-documents';
import type { SqliteCatalogue } from './sqlite-catalogue';
import { filterToSql } from './sqlite-filter';
import { tableName } from './sqlite-names';
import type { StatementCache } from './statement-cache';

interface Row {
  id: string;
  doc: string;
}

/** A collection's table and its declared scalar fields (for filters). */
interface Table {
  name: string;
  scalars: readonly string[];
}

/**
 * Applies validated writes with MongoDB's semantics by read-modify-write on the parsed
 * document. Callers run it inside a transaction (SQLite has a single writer, so nothing can
 * change between the read and the write) and call `finish` before it commits, `discard` when it
 * rolls back: updates by `_id` are kept parsed until then (PendingDocuments).
 */
export class SqliteWriter {
  private readonly pending = new PendingDocuments();

  constructor(
    private readonly statements: StatementCache,
    private readonly catalogue: SqliteCatalogue,
  ) {}

  apply(collection: string, write: WriteOp): void {
    this.catalogue.ensureTable(collection);
    const table = { name: tableName(collection), scalars: this.catalogue.scalarFields(collection) };
    if (write.op === 'updateOne') {
      const id = onlyId(write.filter);
      if (id !== undefined) return this.updateById(collection, table, id, write.update, write.upsert ?? false, write.positionGuard);
    }
    // Any other write reads or writes the table through SQL: it must see the pending documents.
    this.writePending(table.name);
    switch (write.op) {
      case 'insertOne':
        return this.insert(table, write.doc);
      case 'updateOne':
        return this.updateOne(table, write.filter, write.update, write.upsert ?? false, write.positionGuard);
      case 'replaceOne':
        return this.replaceOne(table, write.filter, write.replacement, write.upsert ?? false, write.positionGuard);
      case 'updateMany':
        for (const row of this.select(table, write.filter)) this.rewrite(table, row, write.update);
        return;
      case 'deleteOne': {
        const where = filterToSql(write.filter, table.scalars);
        this.statements.get(`DELETE FROM ${table.name} WHERE id IN (SELECT id FROM ${table.name} WHERE ${where.sql} LIMIT 1)`).run(...where.params);
        return;
      }
      case 'deleteMany': {
        const where = filterToSql(write.filter, table.scalars);
        this.statements.get(`DELETE FROM ${table.name} WHERE ${where.sql}`).run(...where.params);
        return;
      }
    }
  }

  /** Writes the documents kept parsed by this transaction's updates; call before it commits. `writing` hears each one's collection. */
  finish(writing: (collection: string) => void = () => undefined): void {
    for (const table of this.pending.tableNames()) this.writePending(table, writing);
  }

  /** The transaction rolled back: what it kept parsed is gone with it. */
  discard(): void {
    this.pending.clear();
  }

  private updateOne(table: Table, filter: Filter, update: Update, upsert: boolean, guard: string | undefined): void {
    const effectiveUpdate = guard === undefined ? update : guardUpdate(update, guard);
    const [row] = this.select(table, guard === undefined ? filter : guardFilter(filter, guard), 1);
    if (row) return this.rewrite(table, row, effectiveUpdate);
    if (!upsert) return;
    const id = upsertId(filter, update) as string;
    // A guarded write that found no document under the guard: the document is already at or
    // past it (or its _id is taken, which can only be by such a document) – nothing to do.
    if (guard !== undefined && (this.select(table, filter, 1).length > 0 || this.has(table, id))) return;
    const seed = upsertSeed(filter);
    delete seed._id;
    const doc: Record<string, unknown> = { _id: id, ...seed };
    applyUpdateInPlace(doc, effectiveUpdate, true);
    this.insert(table, doc as Document);
  }

  /**
   * The update of one document by `_id`, as projections write: read by primary key once per
   * transaction, the guard checked on the parsed document, written back once (`writePending`).
   * Same outcome as the general path, without a filter's SQL, a parse and a stringify per write.
   */
  private updateById(collection: string, table: Table, id: string, update: Update, upsert: boolean, guard: string | undefined): void {
    const effectiveUpdate = guard === undefined ? update : guardUpdate(update, guard);
    const pending = this.pending.get(table.name, id) ?? this.readPending(collection, table, id);
    if (pending) {
      // A guarded write on a document already at or past its position: nothing to do.
      if (guard !== undefined && !isBeforeGuard(pending.doc, guard)) return;
      applyUpdateInPlace(pending.doc, effectiveUpdate, false);
      pending.changed = true;
      return;
    }
    if (!upsert) return;
    const doc: Record<string, unknown> = { _id: id };
    applyUpdateInPlace(doc, effectiveUpdate, true);
    this.pending.add(table.name, id, { collection, doc, stored: undefined, changed: true });
  }

  private readPending(collection: string, table: Table, id: string): PendingDocument | undefined {
    const row = this.statements.get(`SELECT doc FROM ${table.name} WHERE id = ?`).get(id) as { doc: string } | undefined;
    if (!row) return undefined;
    const pending: PendingDocument = { collection, doc: JSON.parse(row.doc) as Record<string, unknown>, stored: row.doc, changed: false };
    this.pending.add(table.name, id, pending);
    return pending;
  }

  private writePending(table: string, writing: (collection: string) => void = () => undefined): void {
    const documents = this.pending.take(table);
    if (!documents) return;
    for (const [id, pending] of documents) {
      if (!pending.changed) continue;
      writing(pending.collection);
      if (pending.stored === undefined) {
        this.statements.get(`INSERT INTO ${table} (id, doc) VALUES (?, ?)`).run(id, serialize(pending.doc as Document));
        continue;
      }
      const json = JSON.stringify(pending.doc);
      // Replaying an event often changes nothing: skip the write (and its index maintenance).
      if (json !== pending.stored) this.statements.get(`UPDATE ${table} SET doc = ? WHERE id = ?`).run(json, id);
    }
  }

  private replaceOne(table: Table, filter: Filter, replacement: Document, upsert: boolean, guard: string | undefined): void {
    if (guard === undefined && upsert && isExactlyId(filter, replacement._id)) return this.put(table, replacement);
    const doc = guard === undefined ? replacement : guardReplacement(replacement, guard);
    const [row] = this.select(table, guard === undefined ? filter : guardFilter(filter, guard), 1);
    if (row) {
      if (row.id !== doc._id) {
        throw new Error(`replaceOne would change the immutable _id of '${row.id}' to '${doc._id}'`);
      }
      this.statements.get(`UPDATE ${table.name} SET doc = ? WHERE id = ?`).run(serialize(doc), row.id);
      return;
    }
    if (!upsert) return;
    if (guard !== undefined && (this.select(table, filter, 1).length > 0 || this.has(table, doc._id))) return;
    this.insert(table, doc);
  }

  /**
   * An unguarded upsert by `_id` (append-only documents, `insertOnce`) in one statement: no read
   * first, and a replay that changes nothing writes nothing.
   */
  private put(table: Table, doc: Document): void {
    this.statements
      .get(`INSERT INTO ${table.name} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc WHERE doc IS NOT excluded.doc`)
      .run(doc._id, serialize(doc));
  }

  private insert(table: Table, doc: Document): void {
    this.statements.get(`INSERT INTO ${table.name} (id, doc) VALUES (?, ?)`).run(doc._id, serialize(doc));
  }

  private rewrite(table: Table, row: Row, update: Update): void {
    const doc = JSON.parse(row.doc) as Record<string, unknown>;
    applyUpdateInPlace(doc, update, false);
    const json = JSON.stringify(doc);
    // Replaying an event often changes nothing: skip the write (and its index maintenance).
    if (json !== row.doc) this.statements.get(`UPDATE ${table.name} SET doc = ? WHERE id = ?`).run(json, row.id);
  }

  private select(table: Table, filter: Filter, limit?: number): Row[] {
    const where = filterToSql(filter, table.scalars);
    const sql = `SELECT id, doc FROM ${table.name} WHERE ${where.sql}${limit === undefined ? '' : ` LIMIT ${limit}`}`;
    return this.statements.get(sql).all(...where.params) as Row[];
  }

  private has(table: Table, id: string): boolean {
    return this.statements.get(`SELECT 1 FROM ${table.name} WHERE id = ?`).get(id) !== undefined;
  }
}

/** The `_id` of a filter that is `{_id: <string>}` and nothing else. */
function onlyId(filter: Filter): string | undefined {
  let id: unknown;
  for (const key in filter) {
    if (key !== '_id' || id !== undefined) return undefined;
    id = filter._id;
  }
  return typeof id === 'string' ? id : undefined;
}

/** The filter is `{_id: id}` and nothing else. */
function isExactlyId(filter: Filter, id: unknown): boolean {
  let keys = 0;
  for (const key in filter) {
    if (key !== '_id' || ++keys > 1) return false;
  }
  return keys === 1 && typeof filter._id === 'string' && filter._id === id;
}

/** JSON with `_id` first, as MongoDB stores it. */
export function serialize(doc: Document): string {
  // Most documents are built with `_id` first: no copy needed.
  for (const key in doc) {
    if (key === '_id') return JSON.stringify(doc);
    break;
  }
  const { _id, ...rest } = doc;
  return JSON.stringify({ _id, ...rest });
}
