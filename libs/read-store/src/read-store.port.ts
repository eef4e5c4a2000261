/**
 * The ReadStore port: named collections of JSON documents queried with a subset of MongoDB's
 * filter / update / sort language. Adapters: sqlite/ (embedded default) and mongodb/.
 * Both pass libs/testing/src/contracts/read-store.contract.ts.
 *
 * Supported subset (anything else is rejected with UnsupportedQueryError):
 * - Filter: field equality (`{a: 1}`, dotted paths `{'a.b': 1}`, equality against an array
 *   field matches an element), `$eq $ne $gt $gte $lt $lte $in $nin $exists`, `$and $or`.
 * - Update: `$set $unset $inc $setOnInsert $push $pull` (push/pull of a plain value), or a
 *   replacement document (replaceOne).
 * - Sort: `{field: 1 | -1}` on one or more fields; `_id` ascending is always the last tie-break.
 * Values are JSON: strings, finite numbers, booleans, null, arrays, plain objects.
 */

export type Document = { _id: string } & Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type Update = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;

export interface IndexSpec {
  /** Fields in order with their direction. */
  fields: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes?: IndexSpec[];
  /**
   * Fields (dotted paths) that only ever hold a string, number, boolean or null, or are missing:
   * never an array or an object, and no array on the way to them. Both adapters refuse a write
   * that would break this, and declaring it over documents that already break it; the SQLite
   * adapter then filters and sorts these fields on their plain expression (no array-element
   * branch), so a declared index serves the filter and the order. Declarations only grow: a
   * later `ensureCollection` without them keeps them. See libs/read-store/README.md.
   */
  scalarFields?: string[];
}

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
  /**
   * The caller orders the documents itself (or needs no order): they come in any order, which
   * spares the store a sort. Not with `sort`, `limit` or `skip`, which need an order.
   */
  anyOrder?: boolean;
}

export interface PageOptions {
  sort?: Sort;
  /** Page size (default 50, max 500). */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A write. `positionGuard` implements the effectively-once rule for updates: the write applies
 * only when the stored document's `_pos` is absent or lower than the guard, and it then sets
 * `_pos` to the guard. A guarded upsert on a document already at or past the guard is a no-op.
 */
export type WriteOp =
  | { op: 'insertOne'; doc: Document }
  | { op: 'replaceOne'; filter: Filter; replacement: Document; upsert?: boolean; positionGuard?: string }
  | { op: 'updateOne'; filter: Filter; update: Update; upsert?: boolean; positionGuard?: string }
  | { op: 'updateMany'; filter: Filter; update: Update }
  | { op: 'deleteOne'; filter: Filter }
  | { op: 'deleteMany'; filter: Filter };

export interface CollectionWrite {
  collection: string;
  write: WriteOp;
}

export interface Collection<T extends Document = Document> {
  readonly name: string;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  /** Keyset pagination over `sort` (+ `_id`), stable while documents are written. */
  findPage(filter: Filter, options?: PageOptions): Promise<Page<T>>;
  count(filter?: Filter): Promise<number>;
  /** Applies writes in order, in one unit of work (see ReadStore.commit). */
  bulkWrite(ops: WriteOp[]): Promise<void>;
}

export interface ReadStore {
  /** Creates the collection and its declared indexes if missing (idempotent). */
  ensureCollection(spec: CollectionSpec): Promise<void>;
  collection<T extends Document = Document>(name: string): Collection<T>;
  /**
   * Applies writes across collections as one unit of work: atomically on SQLite and on a MongoDB
   * replica set; elsewhere in order, relying on idempotent writes. Projections put their
   * checkpoint in the same call.
   */
  commit(writes: CollectionWrite[]): Promise<void>;
  listCollections(): Promise<string[]>;
  dropCollection(name: string): Promise<void>;
  close(): Promise<void>;
}
