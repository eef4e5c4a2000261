import type { Document } from 'bson';
import { collectionName, type CommandTable } from '../command-context';
import { CommandError } from '../command-error';
import type { IndexSpec } from '../storage/index-keys';
import { valueKey } from '../storage/value-key';

/** Index options that change what is indexed or kept: the double does not implement them. */
const UNSUPPORTED_INDEX_OPTIONS = ['sparse', 'partialFilterExpression', 'expireAfterSeconds', 'collation', 'hidden', 'wildcardProjection'];

function parseSpec(raw: Document): IndexSpec {
  if (!raw.key || typeof raw.key !== 'object' || Object.keys(raw.key).length === 0) {
    throw new CommandError('BadValue', 'Index key pattern must be a non-empty document');
  }
  if (typeof raw.name !== 'string' || raw.name === '') throw new CommandError('BadValue', 'Index name must be a non-empty string');
  for (const [field, direction] of Object.entries(raw.key as Document)) {
    if (direction !== 1 && direction !== -1) {
      throw new CommandError('BadValue', `index type ${JSON.stringify(direction)} on '${field}' is not supported by the MongoDB test double`);
    }
  }
  const unsupported = UNSUPPORTED_INDEX_OPTIONS.filter((option) => option in raw);
  if (unsupported.length > 0) throw new CommandError('BadValue', `index options ${unsupported.join(', ')} are not supported by the MongoDB test double`);
  return { v: 2, key: raw.key, name: raw.name, ...(raw.unique === true ? { unique: true } : {}) };
}

const sameKey = (a: IndexSpec, b: IndexSpec) => valueKey(a.key) === valueKey(b.key);

export const indexCommands: CommandTable = {
  createIndexes: {
    // Allowed in a transaction on a collection the transaction creates (MongoDB 4.4+).
    allowedInTransaction: true,
    run: (command, { db, storage, inTransaction }) => {
      const name = collectionName(command, 'createIndexes');
      const specs = (Array.isArray(command.indexes) ? command.indexes : []).map(parseSpec);
      const existed = storage.collection(db, name) !== undefined;
      if (inTransaction && existed) {
        throw new CommandError('OperationNotSupportedInTransaction', `Cannot create new indexes on existing collection ${db}.${name} in a multi-document transaction.`);
      }
      const collection = storage.writableCollection(db, name);
      const before = collection.indexSpecs().length;
      for (const spec of specs) {
        const current = collection.indexSpecs();
        const named = current.find((index) => index.name === spec.name);
        if (named) {
          if (sameKey(named, spec) && !!named.unique === !!spec.unique) continue;
          throw new CommandError('IndexKeySpecsConflict', `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(named)}`);
        }
        const keyed = current.find((index) => sameKey(index, spec));
        if (keyed) throw new CommandError('IndexOptionsConflict', `Index already exists with a different name: ${keyed.name}`);
        collection.addIndex(spec);
      }
      const after = collection.indexSpecs().length;
      return {
        numIndexesBefore: before,
        numIndexesAfter: after,
        ...(before === after ? { note: 'all indexes already exist' } : {}),
        createdCollectionAutomatically: !existed,
        ok: 1,
      };
    },
  },

  listIndexes: {
    run: (command, { db, storage, cursors }) => {
      const name = collectionName(command, 'listIndexes');
      const collection = storage.collection(db, name);
      if (!collection) throw new CommandError('NamespaceNotFound', `ns does not exist: ${db}.${name}`);
      return { cursor: cursors.open(`${db}.${name}`, collection.indexSpecs(), { batchSize: command.cursor?.batchSize }), ok: 1 };
    },
  },

  dropIndexes: {
    run: (command, { db, catalog }) => {
      const name = collectionName(command, 'dropIndexes');
      const collection = catalog.collection(db, name);
      if (!collection) throw new CommandError('NamespaceNotFound', `ns not found ${db}.${name}`);
      const before = collection.indexSpecs().length;
      const wanted: unknown = command.index;
      const targets = collection
        .indexSpecs()
        .filter((spec) => spec.name !== '_id_')
        .filter((spec) => wanted === '*' || spec.name === wanted || (typeof wanted === 'object' && valueKey(wanted) === valueKey(spec.key)));
      if (wanted !== '*' && targets.length === 0) throw new CommandError('IndexNotFound', `index not found with name [${String(wanted)}]`);
      for (const spec of targets) collection.dropIndex(spec.name);
      return { nIndexesWas: before, ok: 1 };
    },
  },
};
