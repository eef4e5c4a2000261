import { MongoClient, type CommandStartedEvent, type Db, type Document } from 'mongodb';

/** Documents with any `_id` (the driver's default schema types `_id` as an ObjectId). */
interface AnyDocument extends Document {
  _id?: string | number;
}
import { startMongoDbDouble, type MongoDbDouble } from './start-mongodb-double';

/** Commands and their MongoDB semantics, through the official driver. */

let double: MongoDbDouble;
let client: MongoClient;
let db: Db;
let started: CommandStartedEvent[];

beforeAll(async () => {
  double = await startMongoDbDouble();
});
afterAll(async () => {
  await double.stop();
});
beforeEach(() => {
  client = new MongoClient(double.url, { monitorCommands: true });
  started = [];
  client.on('commandStarted', (event) => started.push(event));
  db = client.db(`commands_${Math.random().toString(36).slice(2, 8)}`);
});
afterEach(async () => {
  await db.dropDatabase();
  await client.close();
});

/** Write errors carry the code only, as on a real server. */
const codes = {
  TypeMismatch: 14,
  BadValue: 2,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  ImmutableField: 66,
  FailedToParse: 9,
} as const;

const ids = (docs: Document[]) => docs.map((doc) => doc._id);
const sent = (name: string) => started.filter((event) => event.commandName === name);

describe('cursors', () => {
  const many = Array.from({ length: 250 }, (_, i) => ({ _id: `d${String(i).padStart(3, '0')}`, i }));

  it('serve a large result in batches through getMore', async () => {
    await db.collection<AnyDocument>('many').insertMany(many);
    const found = await db.collection<AnyDocument>('many').find({}, { batchSize: 100 }).sort({ i: 1 }).toArray();
    expect(ids(found)).toEqual(ids(many));
    expect(sent('getMore').map((event) => event.command.batchSize)).toEqual([100, 100]);
  });

  it('are killed when the client stops early', async () => {
    await db.collection<AnyDocument>('many').insertMany(many);
    const cursor = db.collection<AnyDocument>('many').find({}, { batchSize: 10 });
    await cursor.next();
    await cursor.close();
    expect(sent('killCursors')).toHaveLength(1);
    const id = sent('killCursors')[0].command.cursors[0];
    await expect(db.command({ getMore: id, collection: 'many' })).rejects.toMatchObject({ codeName: 'CursorNotFound' });
  });

  it('apply skip, limit and projection after the sort', async () => {
    await db.collection<AnyDocument>('many').insertMany(many);
    const found = await db.collection<AnyDocument>('many').find({ i: { $gte: 10 } }, { projection: { _id: 1 } }).sort({ i: -1 }).skip(5).limit(3).toArray();
    expect(found).toEqual([{ _id: 'd244' }, { _id: 'd243' }, { _id: 'd242' }]);
  });
});

describe('writes', () => {
  it('an ordered insert stops at the first error, reporting it in writeErrors', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.insertOne({ _id: 'b' });
    const failure = await people.insertMany([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]).catch((error) => error);
    expect(failure).toMatchObject({ code: 11000, result: { insertedCount: 1 } });
    expect(failure.writeErrors.map((e: Document) => [e.index, e.code])).toEqual([[1, 11000]]);
    expect(ids(await people.find().sort({ _id: 1 }).toArray())).toEqual(['a', 'b']);
  });

  it('an unordered insert goes on after an error', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.insertOne({ _id: 'b' });
    await expect(people.insertMany([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }], { ordered: false })).rejects.toMatchObject({ code: 11000 });
    expect(ids(await people.find().sort({ _id: 1 }).toArray())).toEqual(['a', 'b', 'c']);
  });

  it('a duplicate key names the index, its key pattern and the key value', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.createIndex({ email: 1 }, { unique: true });
    await people.insertOne({ _id: 'a', email: 'ana@example.com' });
    await expect(people.insertOne({ _id: 'b', email: 'ana@example.com' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'ana@example.com' },
      message: expect.stringContaining('index: email_1 dup key'),
    });
  });

  it('an insert without _id gets an ObjectId, placed first', async () => {
    const result = await db.collection<AnyDocument>('people').insertOne({ name: 'Ana' });
    expect(Object.keys((await db.collection<AnyDocument>('people').findOne({}))!)).toEqual(['_id', 'name']);
    expect(result.insertedId).toBeDefined();
  });

  it('an update reports matched, modified and upserted counts', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.insertOne({ _id: 'a', n: 1 });
    expect(await people.updateOne({ _id: 'a' }, { $set: { n: 1 } })).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    expect(await people.updateOne({ _id: 'a' }, { $set: { n: 2 } })).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await people.updateOne({ _id: 'z' }, { $set: { n: 3 } }, { upsert: true })).toMatchObject({ matchedCount: 0, upsertedCount: 1, upsertedId: 'z' });
  });

  it('update operators add new fields in lexicographic order, as MongoDB 5.0 and later do', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.insertOne({ _id: 'a', m: 1 });
    await people.updateOne({ _id: 'a' }, { $set: { z: 1, b: 1 }, $inc: { c: 1 } });
    expect(Object.keys((await people.findOne({ _id: 'a' }))!)).toEqual(['_id', 'm', 'b', 'c', 'z']);
  });

  const updateErrors: Array<[string, Document, Document, keyof typeof codes]> = [
    ['$inc of a string', { _id: 'a', n: 'x' }, { $inc: { n: 1 } }, 'TypeMismatch'],
    ['$push onto a string', { _id: 'a', tags: 'x' }, { $push: { tags: 'y' } }, 'BadValue'],
    ['$set through a scalar', { _id: 'a', n: 5 }, { $set: { 'n.m': 1 } }, 'PathNotViable'],
    ['overlapping paths', { _id: 'a' }, { $set: { a: 1 }, $inc: { 'a.b': 1 } }, 'ConflictingUpdateOperators'],
    ['a change of _id', { _id: 'a' }, { $set: { _id: 'b' } }, 'ImmutableField'],
    ['an unknown operator', { _id: 'a' }, { $frobnicate: { a: 1 } }, 'FailedToParse'],
  ];

  it.each(updateErrors)('an update fails like MongoDB on %s (%s)', async (_title, doc, update, codeName) => {
    const people = db.collection<AnyDocument>('people');
    await people.insertOne(doc);
    await expect(people.updateOne({ _id: 'a' } as Document, update)).rejects.toMatchObject({ code: codes[codeName] });
    expect(await people.findOne({ _id: 'a' })).toEqual(doc);
  });

  it('a replacement keeps the _id and may not change it', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.insertOne({ _id: 'a', old: 1 });
    await people.replaceOne({ _id: 'a' }, { fresh: 2 });
    expect(await people.findOne({})).toEqual({ _id: 'a', fresh: 2 });
    await expect(people.replaceOne({ _id: 'a' }, { _id: 'b', fresh: 3 })).rejects.toMatchObject({ code: 66 });
  });

  it('deletes one or many', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.insertMany([{ g: 1 }, { g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await people.deleteOne({ g: 1 })).deletedCount).toBe(1);
    expect((await people.deleteMany({ g: 1 })).deletedCount).toBe(2);
    expect(await people.countDocuments()).toBe(1);
  });
});

describe('MongoDB semantics that mingo alone does not give', () => {
  it('sorts mixed types in BSON order, arrays by their smallest (ascending) or largest (descending) element', async () => {
    const values = db.collection<AnyDocument>('values');
    await values.insertMany([
      { _id: 'string', v: 'b' },
      { _id: 'number', v: 3 },
      { _id: 'null', v: null },
      { _id: 'missing' },
      { _id: 'true', v: true },
      { _id: 'object', v: { a: 1 } },
      { _id: 'array-2-9', v: [2, 9] },
      { _id: 'array-0-5', v: [0, 5] },
      { _id: 'empty-array', v: [] },
      { _id: 'false', v: false },
    ]);
    expect(ids(await values.find().sort({ v: 1, _id: 1 }).toArray())).toEqual([
      'empty-array', 'missing', 'null', 'array-0-5', 'array-2-9', 'number', 'string', 'object', 'false', 'true',
    ]);
    expect(ids(await values.find().sort({ v: -1, _id: 1 }).toArray())).toEqual([
      'true', 'false', 'object', 'string', 'array-2-9', 'array-0-5', 'number', 'missing', 'null', 'empty-array',
    ]);
    expect(ids(await values.aggregate([{ $sort: { v: -1, _id: 1 } }, { $limit: 2 }]).toArray())).toEqual(['true', 'false']);
  });

  it('compares embedded documents field by field, in order', async () => {
    const shapes = db.collection<AnyDocument>('shapes');
    await shapes.insertMany([{ _id: 'xy', p: { x: 1, y: 2 } }, { _id: 'yx', p: { y: 2, x: 1 } }]);
    expect(ids(await shapes.find({ p: { x: 1, y: 2 } }).toArray())).toEqual(['xy']);
    expect(ids(await shapes.find({ p: { $in: [{ y: 2, x: 1 }] } }).toArray())).toEqual(['yx']);
    expect(ids(await shapes.find({ p: { $ne: { x: 1, y: 2 } } }).toArray())).toEqual(['yx']);
  });

  it('compares strings by their UTF-8 bytes and brackets range conditions by type', async () => {
    const texts = db.collection<AnyDocument>('texts');
    await texts.insertMany([{ _id: 'bmp-last', s: '\uffff' }, { _id: 'emoji', s: '😀' }, { _id: 'number', s: 5 }, { _id: 'array', s: [1, 'zz'] }]);
    expect(ids(await texts.find({ s: { $gt: '\uffff' } }).toArray())).toEqual(['emoji']);
    expect(ids(await texts.find({ s: { $gt: 'y' } }).sort({ _id: 1 }).toArray())).toEqual(['array', 'bmp-last', 'emoji']);
    expect(ids(await texts.find({ s: { $gte: 1, $lt: 5 } }).toArray())).toEqual(['array']);
    expect(ids(await texts.find({ missing: { $gte: null } }).sort({ _id: 1 }).toArray())).toEqual(['array', 'bmp-last', 'emoji', 'number']);
  });

  it('matches an array operand of $in against a whole array', async () => {
    await db.collection<AnyDocument>('lists').insertMany([{ _id: 'ab', l: ['a', 'b'] }, { _id: 'ba', l: ['b', 'a'] }]);
    expect(ids(await db.collection<AnyDocument>('lists').find({ l: { $in: [['a', 'b']] } }).toArray())).toEqual(['ab']);
  });

  it('looks for null in arrays of documents as MongoDB does (jstests/core/null2.js)', async () => {
    const docs = db.collection<AnyDocument>('null2');
    await docs.insertMany([{ _id: 1, a: [{ b: 5 }] }, { _id: 2, a: [{}] }, { _id: 3, a: [] }, { _id: 4, a: [{}, { b: 5 }] }, { _id: 5, a: [5, { b: 5 }] }]);
    expect(ids(await docs.find({ 'a.b': null }).toArray())).toEqual([2, 4]);
    expect(ids(await docs.find({ 'a.b': { $in: [null] } }).toArray())).toEqual([2, 4]);
    expect(ids(await docs.find({ 'a.b': 5 }).toArray())).toEqual([1, 4, 5]);
  });

  it('a unique index holds one document without the field (indexed as null), and each array element', async () => {
    const people = db.collection<AnyDocument>('people');
    await people.createIndex({ email: 1 }, { unique: true });
    await people.insertMany([{ _id: 'none' }, { _id: 'two', email: ['a@x', 'b@x'] }]);
    await expect(people.insertOne({ _id: 'none-again' })).rejects.toMatchObject({ code: 11000, keyValue: { email: null } });
    await expect(people.insertOne({ _id: 'b', email: 'b@x' })).rejects.toMatchObject({ code: 11000, keyValue: { email: 'b@x' } });
  });

  it('refuses a compound index entry over two arrays', async () => {
    await db.collection<AnyDocument>('pairs').createIndex({ a: 1, b: 1 });
    await expect(db.collection<AnyDocument>('pairs').insertOne({ a: [1], b: [2] })).rejects.toMatchObject({ code: 171 }) // CannotIndexParallelArrays;
  });
});

describe('collections and indexes', () => {
  it('create refuses an existing collection; drop of a missing one succeeds (MongoDB 7.0)', async () => {
    await db.createCollection('made');
    await expect(db.createCollection('made')).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
    expect(await db.dropCollection('never')).toBe(true);
  });

  it('lists collections, with a filter and names only', async () => {
    await db.createCollection('alpha');
    await db.collection<AnyDocument>('beta').insertOne({});
    const all = await db.listCollections().toArray();
    expect(all.map((c) => c.name).sort()).toEqual(['alpha', 'beta']);
    expect(all[0]).toMatchObject({ type: 'collection', options: {}, info: { readOnly: false } });
    expect(await db.listCollections({ name: 'beta' }, { nameOnly: true }).toArray()).toEqual([{ name: 'beta', type: 'collection' }]);
  });

  it('renames a collection with its documents and indexes', async () => {
    await db.collection<AnyDocument>('from').createIndex({ email: 1 }, { unique: true });
    await db.collection<AnyDocument>('from').insertOne({ _id: 'a', email: 'x' });
    await db.renameCollection('from', 'to');
    expect(await db.collection<AnyDocument>('to').find().toArray()).toEqual([{ _id: 'a', email: 'x' }]);
    await expect(db.collection<AnyDocument>('to').insertOne({ email: 'x' })).rejects.toMatchObject({ code: 11000 });
    await db.collection<AnyDocument>('other').insertOne({});
    await expect(db.renameCollection('to', 'other')).rejects.toMatchObject({ codeName: 'NamespaceExists' });
    await expect(db.renameCollection('missing', 'elsewhere')).rejects.toMatchObject({ codeName: 'NamespaceNotFound' });
  });

  it('creates indexes idempotently and refuses conflicting ones', async () => {
    const people = db.collection<AnyDocument>('people');
    expect(await people.createIndex({ email: 1 }, { unique: true })).toBe('email_1');
    expect(await people.createIndex({ email: 1 }, { unique: true })).toBe('email_1');
    await expect(people.createIndex({ email: 1 }, { name: 'by_email' })).rejects.toMatchObject({ codeName: 'IndexOptionsConflict' });
    await expect(people.createIndex({ email: -1 }, { name: 'email_1' })).rejects.toMatchObject({ codeName: 'IndexKeySpecsConflict' });
    expect((await people.listIndexes().toArray()).map((index) => [index.name, index.key, index.unique ?? false])).toEqual([
      ['_id_', { _id: 1 }, false],
      ['email_1', { email: 1 }, true],
    ]);
    await expect(db.collection<AnyDocument>('nowhere').listIndexes().toArray()).rejects.toMatchObject({ codeName: 'NamespaceNotFound' });
  });

  it('a unique index over documents that already collide is refused with a duplicate key', async () => {
    await db.collection<AnyDocument>('people').insertMany([{ email: 'x' }, { email: 'x' }]);
    await expect(db.collection<AnyDocument>('people').createIndex({ email: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
  });

  it('counts with the count command and with countDocuments', async () => {
    await db.collection<AnyDocument>('people').insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
    expect(await db.command({ count: 'people', query: { g: 1 } })).toEqual({ n: 2, ok: 1 });
    expect(await db.collection<AnyDocument>('people').countDocuments({ g: 1 }, { limit: 1 })).toBe(1);
    expect(await db.collection<AnyDocument>('people').countDocuments({ g: 3 })).toBe(0);
  });
});
