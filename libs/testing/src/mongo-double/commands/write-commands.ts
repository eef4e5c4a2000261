import { ObjectId, type Document } from 'bson';
import { collectionName, type CommandContext, type CommandTable } from '../command-context';
import { CommandError, writeErrorEntry } from '../command-error';
import { applyOperatorUpdate, applyReplacement, isOperatorUpdate } from '../query/apply-update';
import { withIdFirst } from '../query/document-copy';
import { matcher } from '../query/evaluate';
import { upsertSeed } from '../query/upsert-seed';
import { valueKey } from '../storage/value-key';

/**
 * insert/update/delete run their statements in order. A failing statement becomes an entry of
 * `writeErrors` (the reply stays `ok: 1`); an ordered batch stops there, an unordered one goes on.
 */
function runStatements<T>(
  statements: T[],
  ordered: boolean,
  run: (statement: T, index: number) => void,
): Document[] {
  const writeErrors: Document[] = [];
  for (let index = 0; index < statements.length; index++) {
    try {
      run(statements[index], index);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      writeErrors.push(writeErrorEntry(index, error));
      if (ordered) break;
    }
  }
  return writeErrors;
}

function statementsOf(command: Document, field: string): Document[] {
  const statements: unknown = command[field];
  if (!Array.isArray(statements)) throw new CommandError('FailedToParse', `BSON field '${field}' is missing but a required field`);
  return statements;
}

const withWriteErrors = (reply: Document, writeErrors: Document[]): Document =>
  writeErrors.length > 0 ? { ...reply, writeErrors, ok: 1 } : { ...reply, ok: 1 };

function insert(command: Document, { db, storage }: CommandContext): Document {
  const name = collectionName(command, 'insert');
  const documents = statementsOf(command, 'documents');
  const collection = storage.writableCollection(db, name);
  let n = 0;
  const writeErrors = runStatements(documents, command.ordered !== false, (doc) => {
    collection.insert(withIdFirst('_id' in doc ? doc : { _id: new ObjectId(), ...doc }));
    n++;
  });
  return withWriteErrors({ n }, writeErrors);
}

function update(command: Document, context: CommandContext): Document {
  const { db, storage } = context;
  const name = collectionName(command, 'update');
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const writeErrors = runStatements(statementsOf(command, 'updates'), command.ordered !== false, (statement, index) => {
    const { q = {}, u, upsert = false, multi = false } = statement;
    if (Array.isArray(u)) throw new CommandError('BadValue', 'pipeline-style updates are not supported by the MongoDB test double');
    if (!u || typeof u !== 'object') throw new CommandError('FailedToParse', "BSON field 'u' is missing but a required field");
    if (statement.arrayFilters) throw new CommandError('BadValue', 'arrayFilters are not supported by the MongoDB test double');
    const operators = isOperatorUpdate(u);
    if (multi && !operators) throw new CommandError('FailedToParse', 'multi update is not supported for replacement-style update');

    const collection = storage.collection(db, name);
    const matches = matcher(q);
    const targets = (collection?.documentsInOrder() ?? []).filter(matches);
    if (targets.length > 0 && collection) {
      for (const target of multi ? targets : targets.slice(0, 1)) {
        const next = operators ? applyOperatorUpdate(target, u, false) : applyReplacement(target, u);
        n++;
        if (valueKey(next) === valueKey(target)) continue;
        collection.replace(valueKey(target._id), next);
        nModified++;
      }
      return;
    }
    if (!upsert) return;
    const seed = upsertSeed(q);
    const created = operators ? applyOperatorUpdate(seed, u, true) : applyReplacement(undefined, { ...(u._id === undefined && seed._id !== undefined ? { _id: seed._id } : {}), ...u });
    const inserted = '_id' in created ? withIdFirst(created) : { _id: new ObjectId(), ...created };
    storage.writableCollection(db, name).insert(inserted);
    n++;
    upserted.push({ index, _id: inserted._id });
  });
  return withWriteErrors({ n, nModified, ...(upserted.length > 0 ? { upserted } : {}) }, writeErrors);
}

function remove(command: Document, { db, storage }: CommandContext): Document {
  const name = collectionName(command, 'delete');
  let n = 0;
  const writeErrors = runStatements(statementsOf(command, 'deletes'), command.ordered !== false, (statement) => {
    const { q = {}, limit } = statement;
    if (limit !== 0 && limit !== 1) throw new CommandError('FailedToParse', 'The limit field in delete objects must be 0 or 1');
    const collection = storage.collection(db, name);
    if (!collection) return;
    const targets = collection.documentsInOrder().filter(matcher(q));
    for (const target of limit === 1 ? targets.slice(0, 1) : targets) {
      collection.remove(valueKey(target._id));
      n++;
    }
  });
  return withWriteErrors({ n }, writeErrors);
}

export const writeCommands: CommandTable = {
  insert: { run: insert, allowedInTransaction: true },
  update: { run: update, allowedInTransaction: true },
  delete: { run: remove, allowedInTransaction: true },
};
