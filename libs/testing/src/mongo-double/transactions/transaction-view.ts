import type { Document } from 'bson';
import { CommandError } from '../command-error';
import { namespaceExists, type Catalog } from '../storage/catalog';
import type { Storage } from '../storage/storage';
import { StoredCollection } from '../storage/stored-collection';

interface Snapshot {
  /** The transaction's copy: it reads and writes here. */
  copy: StoredCollection;
  /** The live incarnation the copy was taken from; undefined when the transaction created it. */
  baseUuid?: string;
  /** The write clock when the copy was taken. */
  takenAt: number;
}

/**
 * A transaction's view of the data: each collection is copied when the transaction first
 * touches it, so the transaction reads its own writes and nobody else sees them until commit.
 * Commit applies the documents it wrote to the live collections, all or nothing; a document
 * that someone else wrote after the copy was taken is a write conflict (MongoDB reports those
 * with the TransientTransactionError label, and drivers retry the whole transaction).
 */
export class TransactionView implements Storage {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(private readonly catalog: Catalog) {}

  collection(db: string, name: string): StoredCollection | undefined {
    const key = `${db}.${name}`;
    const taken = this.snapshots.get(key);
    if (taken) return taken.copy;
    const live = this.catalog.collection(db, name);
    if (!live) return undefined;
    const snapshot = { copy: live.copy(true), baseUuid: live.uuid.toHexString(), takenAt: this.catalog.now };
    this.snapshots.set(key, snapshot);
    return snapshot.copy;
  }

  writableCollection(db: string, name: string): StoredCollection {
    return this.collection(db, name) ?? this.createCollection(db, name);
  }

  createCollection(db: string, name: string): StoredCollection {
    if (this.collection(db, name)) throw namespaceExists(db, name);
    const copy = StoredCollection.create(db, name, this.catalog.tick, true);
    this.snapshots.set(`${db}.${name}`, { copy, takenAt: this.catalog.now });
    return copy;
  }

  /** Applies the transaction's writes to the catalog, or throws a WriteConflict and applies none. */
  commit(): void {
    const results: StoredCollection[] = [];
    for (const { copy, baseUuid, takenAt } of this.snapshots.values()) {
      if (copy.written.size === 0 && baseUuid !== undefined) continue;
      const live = this.catalog.collection(copy.db, copy.name);
      if (baseUuid === undefined) {
        if (live) throw writeConflict(`collection ${copy.namespace} was created by another operation`);
        results.push(copy);
        continue;
      }
      if (!live || live.uuid.toHexString() !== baseUuid) throw writeConflict(`collection ${copy.namespace} was dropped or replaced`);
      const changes = new Map<string, Document | undefined>();
      for (const idKey of copy.written) {
        if ((live.lastWrite.get(idKey) ?? 0) > takenAt) throw writeConflict(`a document of ${copy.namespace} was written by another operation`);
        changes.set(idKey, copy.get(idKey));
      }
      const next = live.copy(false);
      try {
        next.applyAll(changes);
      } catch (error) {
        if (error instanceof CommandError && error.codeName === 'DuplicateKey') throw writeConflict(error.message);
        throw error;
      }
      results.push(next);
    }
    for (const collection of results) this.catalog.install(collection.copy(false));
  }
}

function writeConflict(reason: string): CommandError {
  return new CommandError(
    'WriteConflict',
    `Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction. (${reason})`,
    {},
    ['TransientTransactionError'],
  );
}
