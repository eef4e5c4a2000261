import { MongoClient, type Collection, type Db, type Document } from 'mongodb';

/** Documents with any `_id` (the driver's default schema types `_id` as an ObjectId). */
interface AnyDocument extends Document {
  _id?: string | number;
}
import { startMongoDbDouble, type MongoDbDouble } from './start-mongodb-double';

/** Multi-document transactions through the driver's sessions, as the MongoReadStore uses them. */

let double: MongoDbDouble;
let client: MongoClient;
let db: Db;
let people: Collection<AnyDocument>;

beforeAll(async () => {
  double = await startMongoDbDouble();
});
afterAll(async () => {
  await double.stop();
});
beforeEach(async () => {
  client = new MongoClient(double.url);
  db = client.db(`txn_${Math.random().toString(36).slice(2, 8)}`);
  people = db.collection<AnyDocument>('people');
  await people.insertOne({ _id: 'a', n: 0 });
});
afterEach(async () => {
  await people.drop();
  await client.close();
});

const ids = async (collection = people) => (await collection.find().sort({ _id: 1 }).toArray()).map((doc) => doc._id);

describe('transactions on the MongoDB double', () => {
  it('keep their writes to themselves until commit, and read their own writes', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      await people.insertOne({ _id: 'b' }, { session });
      await people.updateOne({ _id: 'a' }, { $inc: { n: 1 } }, { session });
      expect(await people.find({}, { session }).sort({ _id: 1 }).toArray()).toEqual([{ _id: 'a', n: 1 }, { _id: 'b' }]);
      expect(await people.find().toArray()).toEqual([{ _id: 'a', n: 0 }]);
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    expect(await people.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 'a', n: 1 }, { _id: 'b' }]);
  });

  it('discard their writes on abort', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      await people.insertOne({ _id: 'b' }, { session });
      await people.deleteOne({ _id: 'a' }, { session });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    expect(await ids()).toEqual(['a']);
  });

  it('create a collection on first write, visible only after commit', async () => {
    const fresh = db.collection<AnyDocument>('fresh');
    await client.withSession((session) =>
      session.withTransaction(async () => {
        await fresh.insertOne({ _id: 'x' }, { session });
        expect(await db.listCollections({ name: 'fresh' }).toArray()).toEqual([]);
      }),
    );
    expect(await ids(fresh)).toEqual(['x']);
    await fresh.drop();
  });

  it('are aborted by a write error: nothing is applied and the commit is refused', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      await people.insertOne({ _id: 'b' }, { session });
      await expect(people.insertOne({ _id: 'a' }, { session })).rejects.toMatchObject({ code: 11000 });
      await expect(session.commitTransaction()).rejects.toMatchObject({ codeName: 'NoSuchTransaction' });
    } finally {
      await session.endSession();
    }
    expect(await ids()).toEqual(['a']);
  });

  it('conflict with a write committed meanwhile to the same document; withTransaction then runs again', async () => {
    let attempts = 0;
    await client.withSession((session) =>
      session.withTransaction(async () => {
        attempts++;
        await people.updateOne({ _id: 'a' }, { $inc: { n: 10 } }, { session });
        if (attempts === 1) await people.updateOne({ _id: 'a' }, { $inc: { n: 1 } }); // outside the transaction
      }),
    );
    expect(attempts).toBe(2);
    expect(await people.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 11 });
  });

  it('commit without conflict next to writes to other documents', async () => {
    await client.withSession((session) =>
      session.withTransaction(async () => {
        await people.updateOne({ _id: 'a' }, { $inc: { n: 1 } }, { session });
        await people.insertOne({ _id: 'outside' });
      }),
    );
    expect(await people.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 'a', n: 1 }, { _id: 'outside' }]);
  });

  it('refuse commands MongoDB does not run in a transaction', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      await people.findOne({}, { session });
      await expect(db.command({ count: 'people' }, { session })).rejects.toMatchObject({ code: 263 });
      await session.abortTransaction().catch(() => undefined);
    } finally {
      await session.endSession();
    }
  });

  it('are refused by a standalone double (IllegalOperation, 20)', async () => {
    const standalone = await startMongoDbDouble({ replicaSet: false });
    const direct = new MongoClient(standalone.url);
    try {
      const session = direct.startSession();
      session.startTransaction();
      // The driver rewords the server's IllegalOperation and keeps it as originalError.
      await expect(direct.db('t').collection('c').insertOne({}, { session })).rejects.toMatchObject({
        originalError: { code: 20, message: 'Transaction numbers are only allowed on a replica set member or mongos' },
      });
      await session.endSession();
    } finally {
      await direct.close();
      await standalone.stop();
    }
  });
});
