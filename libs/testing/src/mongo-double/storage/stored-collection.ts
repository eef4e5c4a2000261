import { UUID, type Document } from 'bson';
import { CommandError } from '../command-error';
import { ID_INDEX, indexEntries, type IndexSpec } from './index-keys';
import { duplicateKey, UniqueIndex } from './unique-index';
import { valueKey } from './value-key';

/** Numbers each write, so a transaction can tell whether a document changed after its snapshot. */
export type WriteClock = () => number;

/**
 * One collection: documents in natural (insertion) order keyed by their `_id`, its indexes,
 * and the clock value of the last write to each `_id`. Stored documents are never mutated:
 * a write stores a new object, so a copy of the maps is a snapshot.
 */
export class StoredCollection {
  /** `_id` keys written since this copy was made (only tracked on transaction copies). */
  readonly written = new Set<string>();

  private constructor(
    readonly db: string,
    readonly name: string,
    /** Identifies this incarnation: a dropped and recreated collection gets a new one. */
    readonly uuid: UUID,
    private readonly documents: Map<string, Document>,
    private readonly specs: IndexSpec[],
    private readonly unique: UniqueIndex[],
    readonly lastWrite: Map<string, number>,
    private readonly clock: WriteClock,
    private readonly trackWrites: boolean,
  ) {}

  static create(db: string, name: string, clock: WriteClock, trackWrites = false): StoredCollection {
    return new StoredCollection(db, name, new UUID(), new Map(), [ID_INDEX], [], new Map(), clock, trackWrites);
  }

  get namespace(): string {
    return `${this.db}.${this.name}`;
  }

  /** A snapshot to work on; `trackWrites` records which `_id`s the copy writes. */
  copy(trackWrites: boolean): StoredCollection {
    return new StoredCollection(
      this.db,
      this.name,
      this.uuid,
      new Map(this.documents),
      [...this.specs],
      this.unique.map((index) => index.clone()),
      new Map(this.lastWrite),
      this.clock,
      trackWrites,
    );
  }

  /** The same collection under another name (renameCollection). */
  renamed(db: string, name: string): StoredCollection {
    const copy = this.copy(false);
    return new StoredCollection(db, name, copy.uuid, copy.documents, copy.specs, copy.unique, copy.lastWrite, this.clock, false);
  }

  documentsInOrder(): Document[] {
    return [...this.documents.values()];
  }

  get size(): number {
    return this.documents.size;
  }

  get(idKey: string): Document | undefined {
    return this.documents.get(idKey);
  }

  indexSpecs(): IndexSpec[] {
    return [...this.specs];
  }

  insert(doc: Document): void {
    const idKey = valueKey(doc._id);
    if (this.documents.has(idKey)) throw duplicateKey(this.namespace, ID_INDEX, { _id: doc._id });
    this.checkIndexes(idKey, doc);
    this.store(idKey, doc);
  }

  /** Replaces the document with `idKey` (same `_id`) by `doc`. */
  replace(idKey: string, doc: Document): void {
    const old = this.documents.get(idKey);
    if (!old) throw new CommandError('InternalError', `no document with _id key ${idKey}`);
    this.unindex(idKey, old);
    try {
      this.checkIndexes(idKey, doc);
    } catch (error) {
      this.index(idKey, old);
      throw error;
    }
    this.store(idKey, doc);
  }

  remove(idKey: string): void {
    const old = this.documents.get(idKey);
    if (!old) return;
    this.unindex(idKey, old);
    this.documents.delete(idKey);
    this.stamp(idKey);
  }

  /**
   * Applies a transaction's changes (`undefined` deletes) all at once: every changed document
   * leaves the unique indexes before any new version enters them, so two documents may swap
   * unique values. Throws on a duplicate key, leaving this collection in an unspecified state
   * (callers apply to a copy).
   */
  applyAll(changes: Map<string, Document | undefined>): void {
    for (const idKey of changes.keys()) {
      const old = this.documents.get(idKey);
      if (old) this.unindex(idKey, old);
    }
    for (const [idKey, doc] of changes) {
      if (doc === undefined) {
        this.documents.delete(idKey);
        this.stamp(idKey);
        continue;
      }
      this.checkIndexes(idKey, doc);
      this.store(idKey, doc);
    }
  }

  /** Adds an index; a unique one fails with a duplicate key error if documents already collide. */
  addIndex(spec: IndexSpec): void {
    for (const doc of this.documents.values()) indexEntries(spec, doc); // parallel arrays
    if (spec.unique) {
      const index = new UniqueIndex(spec);
      for (const [idKey, doc] of this.documents) {
        index.check(this.namespace, idKey, doc);
        index.add(idKey, doc);
      }
      this.unique.push(index);
    }
    this.specs.push(spec);
  }

  dropIndex(name: string): void {
    const at = this.specs.findIndex((spec) => spec.name === name);
    if (at >= 0) this.specs.splice(at, 1);
    const unique = this.unique.findIndex((index) => index.spec.name === name);
    if (unique >= 0) this.unique.splice(unique, 1);
  }

  private checkIndexes(idKey: string, doc: Document): void {
    for (const spec of this.specs) if (!spec.unique) indexEntries(spec, doc); // parallel arrays
    for (const index of this.unique) index.check(this.namespace, idKey, doc);
  }

  private store(idKey: string, doc: Document): void {
    this.documents.set(idKey, doc);
    this.index(idKey, doc);
    this.stamp(idKey);
  }

  private index(idKey: string, doc: Document): void {
    for (const index of this.unique) index.add(idKey, doc);
  }

  private unindex(idKey: string, doc: Document): void {
    for (const index of this.unique) index.remove(idKey, doc);
  }

  private stamp(idKey: string): void {
    this.lastWrite.set(idKey, this.clock());
    if (this.trackWrites) this.written.add(idKey);
  }
}
