import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';

/** Equality on a string is answered without a JSON type test: it must still never match another type. */
describe('SQLite read store: equality with a string value', () => {
  let store: SqliteReadStore;
  const docs = [
    { _id: 'number', v: 5 },
    { _id: 'one', v: 1 },
    { _id: 'true', v: true },
    { _id: 'null', v: null },
    { _id: 'text', v: '5' },
    { _id: 'text-1', v: '1' },
    { _id: 'array', v: ['5', 7] },
    { _id: 'nested', v: [[1]] },
    { _id: 'array-text', v: '[1]' },
    { _id: 'object', v: { a: 1 } },
    { _id: 'object-text', v: '{"a":1}' },
  ];

  beforeEach(async () => {
    store = new SqliteReadStore(':memory:');
    await store.ensureCollection({ name: 'things', indexes: [{ fields: { v: 1 } }] });
    await store.collection('things').bulkWrite(docs.map((doc) => ({ op: 'insertOne' as const, doc })));
  });
  afterEach(() => store.close());

  const ids = async (filter: Record<string, unknown>) => (await store.collection('things').find(filter, { sort: { _id: 1 } })).map((d) => d._id);

  it('matches the string and arrays holding it, never a number, boolean or null', async () => {
    expect(await ids({ v: '5' })).toEqual(['array', 'text']);
    expect(await ids({ v: '1' })).toEqual(['text-1']);
    expect(await ids({ v: 'true' })).toEqual([]);
    expect(await ids({ v: { $in: ['5', '1'] } })).toEqual(['array', 'text', 'text-1']);
    expect(await ids({ v: { $ne: '5' } })).toEqual(['array-text', 'nested', 'null', 'number', 'object', 'object-text', 'one', 'text-1', 'true']);
  });

  it('tells a string that looks like JSON from the array or object it spells', async () => {
    expect(await ids({ v: '[1]' })).toEqual(['array-text']);
    expect(await ids({ v: '{"a":1}' })).toEqual(['object-text']);
    expect(await ids({ v: [1] })).toEqual(['nested']);
  });
});
