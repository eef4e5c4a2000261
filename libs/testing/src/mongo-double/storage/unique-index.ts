import type { Document } from 'bson';
import { CommandError } from '../command-error';
import { indexEntries, keyValueOf, type IndexSpec } from './index-keys';

/** The entries of a unique index: entry key → the `_id` key of the document that holds it. */
export class UniqueIndex {
  constructor(
    readonly spec: IndexSpec,
    private readonly owners = new Map<string, string>(),
  ) {}

  clone(): UniqueIndex {
    return new UniqueIndex(this.spec, new Map(this.owners));
  }

  /** Throws the duplicate key error MongoDB raises when `doc` would take another document's entry. */
  check(namespace: string, idKey: string, doc: Document): void {
    for (const entry of indexEntries(this.spec, doc)) {
      const owner = this.owners.get(entry.key);
      if (owner !== undefined && owner !== idKey) throw duplicateKey(namespace, this.spec, keyValueOf(this.spec, entry));
    }
  }

  add(idKey: string, doc: Document): void {
    for (const entry of indexEntries(this.spec, doc)) this.owners.set(entry.key, idKey);
  }

  remove(idKey: string, doc: Document): void {
    for (const entry of indexEntries(this.spec, doc)) {
      if (this.owners.get(entry.key) === idKey) this.owners.delete(entry.key);
    }
  }
}

export function duplicateKey(namespace: string, spec: IndexSpec, keyValue: Document): CommandError {
  const shown = Object.entries(keyValue)
    .map(([field, value]) => `${field}: ${JSON.stringify(value)}`)
    .join(', ');
  return new CommandError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${namespace} index: ${spec.name} dup key: { ${shown} }`,
    { keyPattern: spec.key, keyValue },
  );
}
