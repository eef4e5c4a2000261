import { MongoReadStore, SqliteReadStore, UnsupportedQueryError, type ReadStore } from '@trilha/read-store';
import { startMongoDbDouble, type MongoDbDouble } from '@trilha/testing/mongo-double';

const docs = [
  { _id: 'b', walletId: 'w1', n: 2 },
  { _id: 'a', walletId: 'w1', n: 1 },
  { _id: 'c', walletId: ['w2', 'w1'], n: 3 },
  { _id: 'd', walletId: 'w2', n: 4 },
];

describe('find with anyOrder', () => {
  let mongo: MongoDbDouble;
  beforeAll(async () => {
    mongo = await startMongoDbDouble();
  });
  afterAll(async () => {
    await mongo.stop();
  });

  const stores: Array<[string, () => ReadStore]> = [
    ['SQLite', () => new SqliteReadStore()],
    ['MongoDB double', () => new MongoReadStore(mongo.url, 'trilha_any_order')],
  ];

  describe.each(stores)('%s', (_label, open) => {
    let store: ReadStore;
    const name = `any_order_${Math.random().toString(36).slice(2, 8)}`;
    beforeAll(async () => {
      store = open();
      await store.ensureCollection({ name, indexes: [{ fields: { walletId: 1 } }] });
      await store.collection(name).bulkWrite(docs.map((doc) => ({ op: 'insertOne' as const, doc })));
    });
    afterAll(async () => {
      await store.dropCollection(name);
      await store.close();
    });

    it('finds the same documents as an ordered find, array fields included', async () => {
      const ordered = await store.collection(name).find({ walletId: 'w1' });
      const unordered = await store.collection(name).find({ walletId: 'w1' }, { anyOrder: true });
      expect(ordered.map((d) => d._id)).toEqual(['a', 'b', 'c']);
      expect([...unordered].sort((x, y) => (x._id < y._id ? -1 : 1))).toEqual(ordered);
    });

    it('refuses anyOrder with sort, limit or skip, or when not a boolean', async () => {
      const collection = store.collection(name);
      await expect(collection.find({}, { anyOrder: true, sort: { n: 1 } })).rejects.toThrow(UnsupportedQueryError);
      await expect(collection.find({}, { anyOrder: true, limit: 2 })).rejects.toThrow(UnsupportedQueryError);
      await expect(collection.find({}, { anyOrder: true, skip: 1 })).rejects.toThrow(UnsupportedQueryError);
      await expect(collection.find({}, { anyOrder: 'yes' as unknown as boolean })).rejects.toThrow(UnsupportedQueryError);
    });
  });
});
