import type { Document } from 'bson';
import { collectionName, type CommandTable } from '../command-context';
import { CommandError } from '../command-error';
import { matcher } from '../query/evaluate';
import { ID_INDEX } from '../storage/index-keys';

/** Creation options that would change behaviour the double does not have. */
const UNSUPPORTED_CREATE_OPTIONS = ['capped', 'validator', 'timeseries', 'clusteredIndex', 'viewOn', 'pipeline', 'collation', 'encryptedFields'];

function splitNamespace(namespace: unknown): { db: string; name: string } {
  const text = String(namespace);
  const dot = text.indexOf('.');
  if (dot <= 0 || dot === text.length - 1) throw new CommandError('InvalidNamespace', `Invalid namespace specified '${text}'`);
  return { db: text.slice(0, dot), name: text.slice(dot + 1) };
}

export const catalogCommands: CommandTable = {
  create: {
    // Creating a collection is allowed in a transaction since MongoDB 4.4.
    allowedInTransaction: true,
    run: (command, { db, storage }) => {
      const name = collectionName(command, 'create');
      const unsupported = UNSUPPORTED_CREATE_OPTIONS.filter((option) => option in command);
      if (unsupported.length > 0) {
        throw new CommandError('InvalidOptions', `collection options ${unsupported.join(', ')} are not supported by the MongoDB test double`);
      }
      storage.createCollection(db, name);
      return { ok: 1 };
    },
  },

  /** Since MongoDB 7.0, dropping a collection that does not exist succeeds. */
  drop: {
    run: (command, { db, catalog }) => {
      const name = collectionName(command, 'drop');
      const dropped = catalog.drop(db, name);
      return { nIndexesWas: dropped?.indexSpecs().length ?? 0, ns: `${db}.${name}`, ok: 1 };
    },
  },

  dropDatabase: {
    run: (_command, { db, catalog }) => {
      catalog.dropDatabase(db);
      return { ok: 1 };
    },
  },

  listCollections: {
    run: (command, { db, catalog, cursors }) => {
      const entries: Document[] = catalog.collections(db).map((collection) => ({
        name: collection.name,
        type: 'collection',
        options: {},
        info: { readOnly: false, uuid: collection.uuid },
        idIndex: ID_INDEX,
      }));
      const matches = matcher(command.filter);
      const listed = entries.filter(matches).map((entry) => (command.nameOnly ? { name: entry.name, type: entry.type } : entry));
      return { cursor: cursors.open(`${db}.$cmd.listCollections`, listed, { batchSize: command.cursor?.batchSize }), ok: 1 };
    },
  },

  listDatabases: {
    run: (command, { catalog }) => {
      const databases = catalog.databaseNames().map((name) => ({ name, sizeOnDisk: 0, empty: false }));
      return command.nameOnly ? { databases: databases.map(({ name }) => ({ name })), ok: 1 } : { databases, totalSize: 0, ok: 1 };
    },
  },

  /** An admin command: `{renameCollection: 'db.from', to: 'db.to', dropTarget?}`. */
  renameCollection: {
    run: (command, { catalog }) => {
      catalog.rename(splitNamespace(command.renameCollection), splitNamespace(command.to), command.dropTarget === true);
      return { ok: 1 };
    },
  },
};
