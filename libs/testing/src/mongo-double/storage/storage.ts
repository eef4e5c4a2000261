import type { StoredCollection } from './stored-collection';

/** Where commands read and write collections: the live catalog, or a transaction's snapshot. */
export interface Storage {
  /** The collection, or undefined when it does not exist. */
  collection(db: string, name: string): StoredCollection | undefined;
  /** The collection, created on the spot when missing (MongoDB creates collections on first write). */
  writableCollection(db: string, name: string): StoredCollection;
  /** A new collection; NamespaceExists when there is one. */
  createCollection(db: string, name: string): StoredCollection;
}
