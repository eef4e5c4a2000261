import { MongoClient, type Db, type IndexDescription } from 'mongodb';
import { assertCollectionName, assertScalarFieldsKept, assertSupportedCollectionSpec, assertSupportedWrites } from '../query';
import type { Collection, CollectionSpec, CollectionWrite, Document, ReadStore } from '../read-store.port';
import { MongoCollection } from './mongodb-collection';
import { MongoScalarFields, SCALAR_FIELDS_COLLECTION } from './mongodb-scalar-fields';
import { hasCode, mapMongoError } from './mongodb-errors';
import { planWrites } from './mongodb-write-plan';
import { MongoWriteRunner } from './mongodb-write-runner';

const NAMESPACE_EXISTS = 48;
const NAMESPACE_NOT_FOUND = 26;

/**
 * The ReadStore on MongoDB: one collection per collection, `_id` the string id, filters and
 * updates passed to the driver after subset validation. Give it a connected-or-not MongoClient
 * (left open by close()) or a URL (the store owns that client). The database is the one named,
 * else the URL's.
 */
export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly ownsClient: boolean;
  private readonly db: Db;
  private readonly runner: MongoWriteRunner;
  private readonly scalarFields: MongoScalarFields;
  private transactions?: Promise<boolean>;

  constructor(source: MongoClient | string, dbName?: string) {
    this.ownsClient = typeof source === 'string';
    this.client = typeof source === 'string' ? new MongoClient(source) : source;
    // Undefined fields are dropped, as JSON.stringify drops them in the SQLite adapter.
    this.db = this.client.db(dbName, { ignoreUndefined: true });
    this.runner = new MongoWriteRunner(this.db);
    this.scalarFields = new MongoScalarFields(this.db);
  }

  async ensureCollection(spec: CollectionSpec): Promise<void> {
    assertSupportedCollectionSpec(spec);
    try {
      await this.db.createCollection(spec.name);
    } catch (error) {
      if (!hasCode(error, NAMESPACE_EXISTS)) throw error;
    }
    await this.scalarFields.declare(spec.name, spec.scalarFields ?? []);
    const indexes: IndexDescription[] = (spec.indexes ?? []).map((index) => ({
      key: index.fields,
      ...(index.unique ? { unique: true } : {}),
    }));
    if (indexes.length === 0) return;
    try {
      await this.db.collection(spec.name).createIndexes(indexes);
    } catch (error) {
      // A unique index over documents that already collide.
      throw mapMongoError(error, spec.name);
    }
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    assertCollectionName(name);
    return new MongoCollection<T>(name, this.db, (writes) => this.commit(writes));
  }

  async commit(writes: CollectionWrite[]): Promise<void> {
    assertSupportedWrites(writes);
    assertScalarFieldsKept(writes, (collection) => this.scalarFields.of(collection));
    const steps = planWrites(writes);
    if (steps.length === 0) return;
    const single = writes.length === 1 && steps[0].kind === 'bulk';
    if (single || !(await this.supportsTransactions())) {
      await this.runner.run(steps);
      return;
    }
    await this.client.withSession((session) => session.withTransaction(() => this.runner.run(steps, session)));
  }

  /** True on a replica set or behind mongos, where multi-document transactions exist. */
  supportsTransactions(): Promise<boolean> {
    this.transactions ??= this.db
      .admin()
      .command({ hello: 1 })
      .then((hello) => typeof hello.setName === 'string' || hello.msg === 'isdbgrid')
      .catch((error: unknown) => {
        this.transactions = undefined;
        throw error;
      });
    return this.transactions;
  }

  async listCollections(): Promise<string[]> {
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections
      .map((c) => c.name)
      .filter((name) => !name.startsWith('system.') && name !== SCALAR_FIELDS_COLLECTION)
      .sort();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    try {
      await this.db.dropCollection(name);
    } catch (error) {
      if (!hasCode(error, NAMESPACE_NOT_FOUND)) throw error;
    }
    await this.scalarFields.forget(name);
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }
}
