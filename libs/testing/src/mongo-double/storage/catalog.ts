import { CommandError } from '../command-error';
import type { Storage } from './storage';
import { StoredCollection } from './stored-collection';

/** Every database of the server and their collections: the committed state. */
export class Catalog implements Storage {
  private readonly databases = new Map<string, Map<string, StoredCollection>>();
  private writes = 0;

  /** The write clock: each call is a later write. */
  readonly tick = (): number => ++this.writes;

  /** The clock value of the last write so far. */
  get now(): number {
    return this.writes;
  }

  collection(db: string, name: string): StoredCollection | undefined {
    return this.databases.get(db)?.get(name);
  }

  writableCollection(db: string, name: string): StoredCollection {
    return this.collection(db, name) ?? this.install(StoredCollection.create(db, name, this.tick));
  }

  createCollection(db: string, name: string): StoredCollection {
    if (this.collection(db, name)) throw namespaceExists(db, name);
    return this.install(StoredCollection.create(db, name, this.tick));
  }

  /** Puts `collection` in place of whatever holds its name. */
  install(collection: StoredCollection): StoredCollection {
    let db = this.databases.get(collection.db);
    if (!db) this.databases.set(collection.db, (db = new Map()));
    db.set(collection.name, collection);
    return collection;
  }

  collections(db: string): StoredCollection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  databaseNames(): string[] {
    return [...this.databases.keys()].filter((db) => this.databases.get(db)!.size > 0);
  }

  drop(db: string, name: string): StoredCollection | undefined {
    const collection = this.collection(db, name);
    this.databases.get(db)?.delete(name);
    return collection;
  }

  dropDatabase(db: string): void {
    this.databases.delete(db);
  }

  rename(from: { db: string; name: string }, to: { db: string; name: string }, dropTarget: boolean): void {
    const source = this.collection(from.db, from.name);
    if (!source) throw new CommandError('NamespaceNotFound', `Source collection ${from.db}.${from.name} does not exist`);
    if (from.db === to.db && from.name === to.name) return;
    if (this.collection(to.db, to.name)) {
      if (!dropTarget) throw new CommandError('NamespaceExists', `target namespace exists`);
      this.drop(to.db, to.name);
    }
    this.drop(from.db, from.name);
    this.install(source.renamed(to.db, to.name));
  }
}

export function namespaceExists(db: string, name: string): CommandError {
  return new CommandError('NamespaceExists', `Collection ${db}.${name} already exists.`);
}
