import { MongoClient } from 'mongodb';
import { MongoReadStore, UnsupportedQueryError } from '@trilha/read-store';
import { describeReadStoreContract } from '@trilha/testing';
import { startMongoDbDouble, type MongoDbDouble } from '@trilha/testing/mongo-double';
import { planWrites } from '../src/mongodb/mongodb-write-plan';

/**
 * The contract runs over the wire against the MongoDB test double, as a single-node replica
 * set (units of work in transactions) and as a standalone server (ordered writes), and
 * against a real server when MONGO_URL is set: `MONGO_URL=mongodb://… npx jest libs/read-store/test/mongodb`.
 */
describeMongoReadStore('MongoDB wire double, replica set', async () => startMongoDbDouble());
describeMongoReadStore('MongoDB wire double, standalone', async () => startMongoDbDouble({ replicaSet: false }));
const mongoUrl = process.env.MONGO_URL;
if (mongoUrl) describeMongoReadStore('MongoDB', async () => ({ url: mongoUrl, stop: async () => undefined }));

function describeMongoReadStore(label: string, server: () => Promise<MongoDbDouble>): void {
  const dbName = process.env.MONGO_TEST_DB ?? 'trilha_contract';

  describe(label, () => {
    let url: string;
    let stop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ url, stop } = await server());
    });
    afterAll(async () => {
      await stop?.();
    });

    describeReadStoreContract(label, async () => new MongoReadStore(url, dbName));

    describe('MongoReadStore scalar-field declarations', () => {
      const unique = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2, 8)}`;

      it('are kept in the database: another store checks no stored document again and refuses the same writes', async () => {
        const name = unique('declared');
        const first = new MongoReadStore(url, dbName);
        const client = new MongoClient(url, { monitorCommands: true });
        const finds: string[] = [];
        client.on('commandStarted', (event) => {
          if (event.commandName === 'find') finds.push(String(event.command.find));
        });
        const second = new MongoReadStore(client, dbName);
        try {
          await first.ensureCollection({ name, scalarFields: ['k'] });
          await first.commit([{ collection: name, write: { op: 'insertOne', doc: { _id: 'a', k: 1 } } }]);

          await second.ensureCollection({ name, scalarFields: ['k'] });
          expect(finds).not.toContain(name);
          await expect(second.commit([{ collection: name, write: { op: 'insertOne', doc: { _id: 'b', k: [1] } } }])).rejects.toBeInstanceOf(UnsupportedQueryError);
          // A field declared later is still checked against the stored documents.
          await second.ensureCollection({ name, scalarFields: ['k', 'j'] });
          expect(finds).toContain(name);
          expect(await second.listCollections()).toContain(name);
          expect((await second.listCollections()).some((c) => c.startsWith('_trilha'))).toBe(false);
        } finally {
          await first.dropCollection(name);
          await first.close();
          await client.close();
        }
      });

      it('are dropped with their collection', async () => {
        const name = unique('redeclared');
        const store = new MongoReadStore(url, dbName);
        try {
          await store.ensureCollection({ name, scalarFields: ['k'] });
          await store.dropCollection(name);
          const fresh = new MongoReadStore(url, dbName);
          await fresh.ensureCollection({ name });
          await fresh.commit([{ collection: name, write: { op: 'insertOne', doc: { _id: 'a', k: [1, 2] } } }]);
          expect(await fresh.collection(name).findOne({ k: 2 })).toEqual({ _id: 'a', k: [1, 2] });
          await fresh.close();
        } finally {
          await store.dropCollection(name);
          await store.close();
        }
      });
    });

    describe('MongoReadStore units of work', () => {
      it('are atomic exactly when the server supports transactions', async () => {
        const store = new MongoReadStore(url, dbName);
        const name = `atomic_${Math.random().toString(36).slice(2, 8)}`;
        try {
          await store.commit([{ collection: name, write: { op: 'insertOne', doc: { _id: 'taken' } } }]);
          await expect(
            store.commit([
              { collection: name, write: { op: 'insertOne', doc: { _id: 'new' } } },
              { collection: name, write: { op: 'insertOne', doc: { _id: 'taken' } } },
            ]),
          ).rejects.toThrow();
          const expected = (await store.supportsTransactions()) ? ['taken'] : ['new', 'taken'];
          expect((await store.collection(name).find({})).map((d) => d._id)).toEqual(expected);
        } finally {
          await store.dropCollection(name);
          await store.close();
        }
      });
    });
  });
}

describe('MongoReadStore without a server', () => {
  // Nothing listens on port 1: a call that reached the driver would fail with a
  // server selection error instead of UnsupportedQueryError.
  const unreachable = 'mongodb://127.0.0.1:1/trilha?serverSelectionTimeoutMS=2000';

  it('refuses filters and writes outside the subset before any network call', async () => {
    const store = new MongoReadStore(unreachable);
    const people = store.collection('people');
    try {
      await expect(people.find({ $where: 'this.admin' })).rejects.toBeInstanceOf(UnsupportedQueryError);
      await expect(people.count({ name: { $regex: '^A' } })).rejects.toBeInstanceOf(UnsupportedQueryError);
      await expect(
        people.bulkWrite([{ op: 'updateOne', filter: { _id: 'a' }, update: { $rename: { name: 'first' } } }]),
      ).rejects.toBeInstanceOf(UnsupportedQueryError);
      await expect(store.ensureCollection({ name: 'people', indexes: [{ fields: { 'a.0': 1 } }] })).rejects.toBeInstanceOf(
        UnsupportedQueryError,
      );
    } finally {
      await store.close();
    }
  });

  it('plans consecutive writes to one collection as one bulkWrite and a guarded upsert on its own', () => {
    const steps = planWrites([
      { collection: 'a', write: { op: 'insertOne', doc: { _id: '1' } } },
      { collection: 'a', write: { op: 'updateOne', filter: { _id: '1' }, update: { $inc: { n: 1 } }, positionGuard: '7' } },
      { collection: 'a', write: { op: 'updateOne', filter: { _id: '2' }, update: { $inc: { n: 1 } }, upsert: true, positionGuard: '7' } },
      { collection: 'a', write: { op: 'deleteOne', filter: { _id: '3' } } },
      { collection: 'b', write: { op: 'deleteMany', filter: {} } },
    ]);
    expect(steps.map((step) => [step.kind, step.collection, step.kind === 'bulk' ? step.operations.length : 1])).toEqual([
      ['bulk', 'a', 2],
      ['guarded-upsert', 'a', 1],
      ['bulk', 'a', 1],
      ['bulk', 'b', 1],
    ]);
    expect(steps[0].kind === 'bulk' && steps[0].operations[1]).toEqual({
      updateOne: {
        filter: { _id: '1', $or: [{ _pos: { $exists: false } }, { _pos: { $lt: '7' } }] },
        update: { $inc: { n: 1 }, $set: { _pos: '7' } },
        upsert: false,
      },
    });
  });
});
