import type { Collection, Document, Filter, FindOptions, ReadStore, Sort, WriteOp } from '@trilha/read-store';
// The errors module alone: importing the package index would load both adapters (and the
// MongoDB driver) into every test that imports @trilha/testing.
import { DuplicateKeyError, InvalidUpdateError, UnsupportedQueryError } from '@trilha/read-store/errors';

/**
 * The behaviour every ReadStore adapter must share (see libs/read-store/src/read-store.port.ts
 * and libs/read-store/README.md). Every collection name carries a random suffix, so the suite
 * can run against a shared MongoDB database; the collections it creates are dropped afterwards.
 */
export function describeReadStoreContract(label: string, open: () => Promise<ReadStore>): void {
  describe(`ReadStore contract: ${label}`, () => {
    let store: ReadStore;
    const created = new Set<string>();
    const runId = Math.random().toString(36).slice(2, 8);
    let counter = 0;

    /** A fresh collection name, dropped after the suite. */
    const uniqueName = (base: string): string => {
      const name = `${base}_${runId}_${++counter}`;
      created.add(name);
      return name;
    };

    const insertAll = async (collection: Collection, docs: Document[]): Promise<void> => {
      await collection.bulkWrite(docs.map((doc) => ({ op: 'insertOne', doc }) as WriteOp));
    };

    /** A new collection holding `docs`. */
    const seeded = async (base: string, docs: Document[]): Promise<Collection> => {
      const collection = store.collection(uniqueName(base));
      await insertAll(collection, docs);
      return collection;
    };

    const idsOf = (docs: Document[]): string[] => docs.map((d) => d._id);

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      if (!store) return;
      for (const name of created) await store.dropCollection(name);
      await store.close();
    });

    describe('filters', () => {
      const people: Document[] = [
        { _id: 'p1', name: 'Ana', age: 30, city: 'Recife', tags: ['vip', 'new'], address: { city: 'Recife', zip: '50000' }, active: true },
        { _id: 'p2', name: 'Bruno', age: 25, city: 'Olinda', tags: ['new'], address: { city: 'Olinda' }, active: false, nick: null },
        { _id: 'p3', name: 'Carla', age: 41, tags: [], address: { city: 'Recife', zip: '50010' }, active: true, scores: [3, 9] },
        { _id: 'p4', name: 'Davi', age: '41', city: null, active: 1, scores: [1, 2] },
        { _id: 'p5', name: 'Eva', tags: ['vip'], matrix: [['a', 'b'], 'c'], address: { city: 'Paulista', geo: { lat: 1, lng: 2 } } },
      ];
      let collection: Collection;

      beforeAll(async () => {
        collection = await seeded('people', people);
      });

      const cases: Array<[string, Filter, string[]]> = [
        ['an empty filter matches everything', {}, ['p1', 'p2', 'p3', 'p4', 'p5']],
        ['string equality', { city: 'Recife' }, ['p1']],
        ['a number never equals a numeric string', { age: 41 }, ['p3']],
        ['a string never equals a number', { age: '41' }, ['p4']],
        ['true never equals 1', { active: true }, ['p1', 'p3']],
        ['1 never equals true', { active: 1 }, ['p4']],
        ['false does not match a missing field', { active: false }, ['p2']],
        ['a dotted path', { 'address.city': 'Recife' }, ['p1', 'p3']],
        ['a deeper dotted path', { 'address.geo.lat': 1 }, ['p5']],
        ['an embedded object equal field by field', { 'address.geo': { lat: 1, lng: 2 } }, ['p5']],
        ['an embedded object never equals a larger one', { address: { city: 'Recife' } }, []],
        ['an embedded object equal as a whole', { address: { city: 'Olinda' } }, ['p2']],
        ['a scalar matches an array element', { tags: 'vip' }, ['p1', 'p5']],
        ['an array matches the same array', { tags: ['vip', 'new'] }, ['p1']],
        ['an array in another order does not match', { tags: ['new', 'vip'] }, []],
        ['an empty array matches an empty array', { tags: [] }, ['p3']],
        ['an array matches an array element', { matrix: ['a', 'b'] }, ['p5']],
        ['$eq is equality', { tags: { $eq: 'new' } }, ['p1', 'p2']],
        ['$ne matches other values, null and missing fields', { city: { $ne: 'Recife' } }, ['p2', 'p3', 'p4', 'p5']],
        ['$ne excludes arrays holding the value', { tags: { $ne: 'vip' } }, ['p2', 'p3', 'p4']],
        ['$gt on numbers ignores strings', { age: { $gt: 25 } }, ['p1', 'p3']],
        ['$gte with $lt', { age: { $gte: 25, $lt: 41 } }, ['p1', 'p2']],
        ['$lte', { age: { $lte: 30 } }, ['p1', 'p2']],
        ['$gt and $lt on strings', { name: { $gt: 'B', $lt: 'D' } }, ['p2', 'p3']],
        ['$gt on a string ignores numbers', { age: { $gt: '4' } }, ['p4']],
        ['$gt matches an array with a greater element', { scores: { $gt: 8 } }, ['p3']],
        ['each condition may be met by a different array element', { scores: { $gt: 1, $lt: 3 } }, ['p4']],
        ['$gt on booleans', { active: { $gt: false } }, ['p1', 'p3']],
        ['$in on scalars', { city: { $in: ['Olinda', 'Recife'] } }, ['p1', 'p2']],
        ['$in with null matches null and missing', { city: { $in: [null, 'Olinda'] } }, ['p2', 'p3', 'p4', 'p5']],
        ['$in on an array field', { tags: { $in: ['new', 'zzz'] } }, ['p1', 'p2']],
        ['$in with an empty list matches nothing', { tags: { $in: [] } }, []],
        ['$nin on an array field', { tags: { $nin: ['vip'] } }, ['p2', 'p3', 'p4']],
        ['$nin with null', { city: { $nin: ['Recife', null] } }, ['p2']],
        ['$exists true counts a null value', { nick: { $exists: true } }, ['p2']],
        ['$exists false', { city: { $exists: false } }, ['p3', 'p5']],
        ['$exists on a dotted path', { 'address.zip': { $exists: true } }, ['p1', 'p3']],
        ['null matches null and missing', { city: null }, ['p3', 'p4', 'p5']],
        ['null matches a field missing everywhere', { nick: null }, ['p1', 'p2', 'p3', 'p4', 'p5']],
        ['$ne null means present and not null', { city: { $ne: null } }, ['p1', 'p2']],
        ['$or', { $or: [{ age: { $lt: 26 } }, { tags: 'vip' }] }, ['p1', 'p2', 'p5']],
        ['$and', { $and: [{ active: true }, { 'address.zip': { $gt: '50005' } }] }, ['p3']],
        ['nested $or and $and', { $or: [{ $and: [{ city: 'Recife' }, { age: 30 }] }, { name: 'Eva' }] }, ['p1', 'p5']],
        ['$or next to a field condition', { active: true, $or: [{ age: 30 }, { age: 41 }] }, ['p1', 'p3']],
        ['_id equality', { _id: 'p2' }, ['p2']],
        ['_id $in', { _id: { $in: ['p1', 'p3', 'zz'] } }, ['p1', 'p3']],
        ['_id $gt', { _id: { $gt: 'p3' } }, ['p4', 'p5']],
        ['_id $ne', { _id: { $ne: 'p1' } }, ['p2', 'p3', 'p4', 'p5']],
      ];

      it.each(cases)('%s', async (_title, filter, expected) => {
        expect(idsOf(await collection.find(filter))).toEqual(expected);
        expect(await collection.count(filter)).toBe(expected.length);
      });

      it('findOne returns the whole matching document, or null', async () => {
        expect(await collection.findOne({ name: 'Eva' })).toEqual(people[4]);
        expect(await collection.findOne({ name: 'Zoe' })).toBeNull();
      });

      it('count without a filter counts every document', async () => {
        expect(await collection.count()).toBe(5);
      });
    });

    describe('unsupported queries are refused', () => {
      const filters: Array<[string, Filter]> = [
        ['$where', { $where: 'this.a == 1' }],
        ['$regex', { name: { $regex: '^A' } }],
        ['$not', { name: { $not: { $eq: 'Ana' } } }],
        ['$nor', { $nor: [{ name: 'Ana' }] }],
        ['$elemMatch', { tags: { $elemMatch: { $eq: 'vip' } } }],
        ['$size', { tags: { $size: 2 } }],
        ['operators mixed with fields', { address: { $exists: true, city: 'Recife' } }],
        ['$gt null', { age: { $gt: null } }],
        ['$gt an object', { age: { $gt: { a: 1 } } }],
        ['an undefined value', { name: undefined }],
        ['a Date value', { at: new Date(0) }],
        ['an array position in a path', { 'tags.0': 'vip' }],
        ['an empty $or', { $or: [] }],
        ['a constructor field', { constructor: 'x' }],
        ['a __proto__ segment in a path', { 'a.__proto__.b': 1 }],
        ['a prototype field inside $or', { $or: [{ prototype: 1 }] }],
      ];

      it.each(filters)('a filter with %s', async (_title, filter) => {
        const collection = await seeded('refused', [{ _id: 'a', name: 'Ana' }]);
        await expect(collection.find(filter)).rejects.toBeInstanceOf(UnsupportedQueryError);
        await expect(collection.findOne(filter)).rejects.toBeInstanceOf(UnsupportedQueryError);
        await expect(collection.count(filter)).rejects.toBeInstanceOf(UnsupportedQueryError);
        await expect(collection.findPage(filter)).rejects.toBeInstanceOf(UnsupportedQueryError);
        await expect(collection.bulkWrite([{ op: 'deleteMany', filter }])).rejects.toBeInstanceOf(UnsupportedQueryError);
        expect(await collection.count()).toBe(1);
      });

      const writes: Array<[string, WriteOp]> = [
        ['$rename', { op: 'updateOne', filter: { _id: 'a' }, update: { $rename: { name: 'first' } } }],
        ['$push with $each', { op: 'updateOne', filter: { _id: 'a' }, update: { $push: { tags: { $each: ['x'] } } } }],
        ['$pull of a document', { op: 'updateOne', filter: { _id: 'a' }, update: { $pull: { items: { id: 1 } } } }],
        ['$inc by a string', { op: 'updateOne', filter: { _id: 'a' }, update: { $inc: { n: '1' } } }],
        ['a replacement passed as an update', { op: 'updateOne', filter: { _id: 'a' }, update: { name: 'Bia' } }],
        ['conflicting paths', { op: 'updateOne', filter: { _id: 'a' }, update: { $set: { a: 1 }, $inc: { 'a.b': 1 } } }],
        ['a $set of _id', { op: 'updateMany', filter: {}, update: { $set: { _id: 'b' } } }],
        ['an upsert with no _id', { op: 'updateOne', filter: { name: 'Bia' }, update: { $set: { n: 1 } }, upsert: true }],
        ['a guarded update writing _pos', { op: 'updateOne', filter: { _id: 'a' }, update: { $set: { _pos: '9' } }, positionGuard: '5' }],
        ['a document without a string _id', { op: 'insertOne', doc: { _id: 7 } as unknown as Document }],
        ['a document with a $ field', { op: 'insertOne', doc: { _id: 'b', $x: 1 } }],
        // JSON.parse makes `__proto__` an own field, as a request body would.
        ['a document with a __proto__ field', { op: 'insertOne', doc: JSON.parse('{"_id":"b","__proto__":{"admin":true}}') as Document }],
        ['a document with a nested constructor field', { op: 'insertOne', doc: { _id: 'b', a: [{ constructor: 1 }] } }],
        ['a replacement with a prototype field', { op: 'replaceOne', filter: { _id: 'a' }, replacement: { _id: 'a', prototype: {} } }],
        ['a $set of a __proto__ path', { op: 'updateOne', filter: { _id: 'a' }, update: { $set: { '__proto__.admin': true } } }],
        ['a $set of a value holding a constructor key', { op: 'updateOne', filter: { _id: 'a' }, update: { $set: { origin: { constructor: 'x' } } } }],
        ['a document holding NaN', { op: 'insertOne', doc: { _id: 'b', n: Number.NaN } }],
        ['an unknown op', { op: 'upsertMany' } as unknown as WriteOp],
      ];

      it.each(writes)('a write with %s, and the unit of work it is part of', async (_title, write) => {
        const collection = await seeded('refused', [{ _id: 'a', name: 'Ana' }]);
        const other = store.collection(uniqueName('refused_other'));
        await expect(
          store.commit([
            { collection: other.name, write: { op: 'insertOne', doc: { _id: 'first' } } },
            { collection: collection.name, write },
          ]),
        ).rejects.toBeInstanceOf(UnsupportedQueryError);
        // Validation happens before anything is written.
        expect(await other.count()).toBe(0);
        expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', name: 'Ana' });
      });

      it('unsupported sort, limit and skip', async () => {
        const collection = await seeded('refused', [{ _id: 'a' }]);
        const options: FindOptions[] = [
          { sort: { name: 'asc' as unknown as 1 } },
          { sort: { name: 0 as unknown as 1 } },
          { limit: -1 },
          { skip: 1.5 },
        ];
        for (const option of options) {
          await expect(collection.find({}, option)).rejects.toBeInstanceOf(UnsupportedQueryError);
        }
        await expect(collection.findPage({}, { limit: 0 })).rejects.toBeInstanceOf(UnsupportedQueryError);
      });

      it('an unsupported collection name', async () => {
        expect(() => store.collection('no spaces')).toThrow(UnsupportedQueryError);
        await expect(store.ensureCollection({ name: 'system.users' })).rejects.toBeInstanceOf(UnsupportedQueryError);
        await expect(
          store.ensureCollection({ name: uniqueName('bad_index'), indexes: [{ fields: { $where: 1 } }] }),
        ).rejects.toBeInstanceOf(UnsupportedQueryError);
      });
    });

    describe('documents', () => {
      it('come back as written, _id first', async () => {
        const doc: Document = {
          _id: 'd1',
          text: 'Olá, ção 🎉 "quoted" \\ back',
          int: 42,
          float: 0.1,
          negative: -7.25,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'two', { three: 3 }, [4], null],
          nested: { deeper: { deepest: 'x' }, empty: {} },
        };
        const collection = await seeded('roundtrip', [doc]);
        const found = await collection.findOne({ _id: 'd1' });
        expect(found).toEqual(doc);
        expect(Object.keys(found as Document)[0]).toBe('_id');
      });

      it('an insert with a taken _id fails with DuplicateKeyError', async () => {
        const collection = await seeded('dup_id', [{ _id: 'a', n: 1 }]);
        const failure = collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'a', n: 2 } }]);
        await expect(failure).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(failure).rejects.toMatchObject({ collection: collection.name });
        expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 1 });
      });

      it('reading a collection that was never written finds nothing', async () => {
        const collection = store.collection(uniqueName('never'));
        expect(await collection.find({})).toEqual([]);
        expect(await collection.findOne({})).toBeNull();
        expect(await collection.count()).toBe(0);
        expect(await collection.findPage({})).toEqual({ items: [], nextCursor: null });
      });
    });

    describe('update operators', () => {
      const updated = async (doc: Document, update: Record<string, unknown>): Promise<Document | null> => {
        const collection = await seeded('update', [doc]);
        await collection.bulkWrite([{ op: 'updateOne', filter: { _id: doc._id }, update }]);
        return collection.findOne({ _id: doc._id });
      };

      it('$set replaces fields and creates nested paths', async () => {
        expect(await updated({ _id: 'a', n: 1, keep: 'k' }, { $set: { n: 2, 'profile.name': 'Ana', 'profile.tags': ['x'] } })).toEqual({
          _id: 'a',
          n: 2,
          keep: 'k',
          profile: { name: 'Ana', tags: ['x'] },
        });
      });

      it('adds new fields in lexicographic order across all operators, as MongoDB 5+ does', async () => {
        const doc = await updated({ _id: 'a' }, { $set: { z: 1, b: 2 }, $inc: { c: 3 }, $push: { a: 4 } });
        expect(Object.keys(doc ?? {})).toEqual(['_id', 'a', 'b', 'c', 'z']);
      });

      it.each([
        ['$inc of a string', { n: 'text' }, { $inc: { n: 1 } }],
        ['$push onto a non-array', { n: 'text' }, { $push: { n: 1 } }],
        ['$set through a scalar', { n: 'text' }, { $set: { 'n.deeper': 1 } }],
      ])('refuses %s with InvalidUpdateError and leaves the document as it was', async (_label, fields, update) => {
        const collection = await seeded('refused_update', [{ _id: 'a', ...fields }]);
        await expect(collection.bulkWrite([{ op: 'updateOne', filter: { _id: 'a' }, update }])).rejects.toBeInstanceOf(InvalidUpdateError);
        expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', ...fields });
      });

      it('$set inside an existing embedded document keeps its other fields', async () => {
        expect(await updated({ _id: 'a', profile: { name: 'Ana', age: 3 } }, { $set: { 'profile.age': 4 } })).toEqual({
          _id: 'a',
          profile: { name: 'Ana', age: 4 },
        });
      });

      it('$unset removes fields, nested ones too, and ignores missing ones', async () => {
        expect(await updated({ _id: 'a', n: 1, profile: { name: 'Ana', age: 3 } }, { $unset: { n: '', 'profile.age': '', missing: '' } })).toEqual({
          _id: 'a',
          profile: { name: 'Ana' },
        });
      });

      it('$inc adds to numbers and starts missing fields at the increment', async () => {
        expect(await updated({ _id: 'a', n: 1.5, 'x': 0 }, { $inc: { n: 2, m: -1, 'stats.visits': 1 } })).toEqual({
          _id: 'a',
          n: 3.5,
          x: 0,
          m: -1,
          stats: { visits: 1 },
        });
      });

      it('$push appends, and creates the array when missing', async () => {
        expect(await updated({ _id: 'a', tags: ['a'] }, { $push: { tags: 'b', log: { at: 1 } } })).toEqual({
          _id: 'a',
          tags: ['a', 'b'],
          log: [{ at: 1 }],
        });
      });

      it('$pull removes every equal element and ignores a missing array', async () => {
        expect(await updated({ _id: 'a', tags: ['a', 'b', 'a', 'c'], ns: [1, 2, 1] }, { $pull: { tags: 'a', ns: 1, missing: 'x' } })).toEqual({
          _id: 'a',
          tags: ['b', 'c'],
          ns: [2],
        });
      });

      it('$setOnInsert is ignored when the document exists', async () => {
        const collection = await seeded('update', [{ _id: 'a', n: 1 }]);
        await collection.bulkWrite([
          { op: 'updateOne', filter: { _id: 'a' }, update: { $set: { n: 2 }, $setOnInsert: { createdBy: 'x' } }, upsert: true },
        ]);
        expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 2 });
      });

      it('an upsert inserts the filter equalities, $set and $setOnInsert fields', async () => {
        const collection = store.collection(uniqueName('upsert'));
        await collection.bulkWrite([
          {
            op: 'updateOne',
            filter: { _id: 'u1', kind: 'lead', 'meta.source': 'web', score: { $gt: 3 }, stage: { $eq: 'new' } },
            update: { $set: { n: 1 }, $setOnInsert: { createdBy: 'p' }, $inc: { visits: 1 }, $push: { log: 'in' } },
            upsert: true,
          },
        ]);
        expect(await collection.find({})).toEqual([
          { _id: 'u1', kind: 'lead', meta: { source: 'web' }, stage: 'new', n: 1, createdBy: 'p', visits: 1, log: ['in'] },
        ]);
      });

      it('an upsert can take its _id from $setOnInsert and then finds the document by the filter', async () => {
        const collection = store.collection(uniqueName('upsert'));
        const write: WriteOp = {
          op: 'updateOne',
          filter: { email: 'ana@example.com' },
          update: { $setOnInsert: { _id: 'c1' }, $inc: { visits: 1 } },
          upsert: true,
        };
        await collection.bulkWrite([write]);
        await collection.bulkWrite([write]);
        expect(await collection.find({})).toEqual([{ _id: 'c1', email: 'ana@example.com', visits: 2 }]);
      });

      it('an upsert whose filter misses but whose _id is taken fails with DuplicateKeyError', async () => {
        const collection = await seeded('upsert', [{ _id: 'a', status: 'closed' }]);
        await expect(
          collection.bulkWrite([{ op: 'updateOne', filter: { _id: 'a', status: 'open' }, update: { $set: { n: 1 } }, upsert: true }]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.find({})).toEqual([{ _id: 'a', status: 'closed' }]);
      });

      it('updateOne without upsert creates nothing', async () => {
        const collection = await seeded('update', [{ _id: 'a' }]);
        await collection.bulkWrite([{ op: 'updateOne', filter: { _id: 'b' }, update: { $set: { n: 1 } } }]);
        expect(idsOf(await collection.find({}))).toEqual(['a']);
      });

      it('updateOne changes a single document among several matches', async () => {
        const collection = await seeded('update', [
          { _id: 'a', group: 'g' },
          { _id: 'b', group: 'g' },
          { _id: 'c', group: 'g' },
        ]);
        await collection.bulkWrite([{ op: 'updateOne', filter: { group: 'g' }, update: { $set: { hit: true } } }]);
        expect(await collection.count({ hit: true })).toBe(1);
      });

      it('updateMany changes every match and nothing else', async () => {
        const collection = await seeded('update', [
          { _id: 'a', group: 'g', n: 1 },
          { _id: 'b', group: 'h', n: 1 },
          { _id: 'c', group: 'g', n: 5 },
        ]);
        await collection.bulkWrite([{ op: 'updateMany', filter: { group: 'g' }, update: { $inc: { n: 10 } } }]);
        expect(await collection.find({})).toEqual([
          { _id: 'a', group: 'g', n: 11 },
          { _id: 'b', group: 'h', n: 1 },
          { _id: 'c', group: 'g', n: 15 },
        ]);
      });

      it('replaceOne swaps the whole document and keeps its _id', async () => {
        const collection = await seeded('replace', [{ _id: 'a', old: 1, keep: 'no' }]);
        await collection.bulkWrite([{ op: 'replaceOne', filter: { old: 1 }, replacement: { _id: 'a', fresh: 2 } }]);
        expect(await collection.find({})).toEqual([{ _id: 'a', fresh: 2 }]);
      });

      it('replaceOne inserts on upsert and does nothing without', async () => {
        const collection = store.collection(uniqueName('replace'));
        await collection.bulkWrite([{ op: 'replaceOne', filter: { _id: 'a' }, replacement: { _id: 'a', n: 1 } }]);
        expect(await collection.count()).toBe(0);
        await collection.bulkWrite([{ op: 'replaceOne', filter: { _id: 'a' }, replacement: { _id: 'a', n: 1 }, upsert: true }]);
        expect(await collection.find({})).toEqual([{ _id: 'a', n: 1 }]);
      });

      it('replaceOne may not change the _id', async () => {
        const collection = await seeded('replace', [{ _id: 'a', n: 1 }]);
        await expect(collection.bulkWrite([{ op: 'replaceOne', filter: { _id: 'a' }, replacement: { _id: 'b', n: 2 } }])).rejects.toThrow();
        expect(await collection.find({})).toEqual([{ _id: 'a', n: 1 }]);
      });

      it('deleteOne deletes a single match, deleteMany all of them', async () => {
        const collection = await seeded('delete', [
          { _id: 'a', group: 'g' },
          { _id: 'b', group: 'g' },
          { _id: 'c', group: 'h' },
          { _id: 'd', group: 'g' },
        ]);
        await collection.bulkWrite([{ op: 'deleteOne', filter: { group: 'g' } }]);
        expect(await collection.count({ group: 'g' })).toBe(2);
        await collection.bulkWrite([{ op: 'deleteMany', filter: { group: 'g' } }]);
        expect(idsOf(await collection.find({}))).toEqual(['c']);
        await collection.bulkWrite([{ op: 'deleteOne', filter: { group: 'none' } }]);
        expect(await collection.count()).toBe(1);
      });
    });

    describe('sort, limit and skip', () => {
      const rows: Document[] = [
        { _id: 'r1', group: 'b', score: 5, city: { name: 'Recife' } },
        { _id: 'r2', group: 'a', score: 7, city: { name: 'Olinda' } },
        { _id: 'r3', group: 'b', score: 9, city: { name: 'Caruaru' } },
        { _id: 'r4', group: 'a', score: 7 },
        { _id: 'r5', group: 'b', score: 5, city: { name: 'Arcoverde' } },
        { _id: 'r6', score: 1, city: { name: null } },
        { _id: 'r7', group: null, score: 8 },
      ];
      let collection: Collection;

      beforeAll(async () => {
        collection = await seeded('sorting', [...rows].reverse());
      });

      const cases: Array<[string, Sort | undefined, string[]]> = [
        ['no sort means _id ascending', undefined, ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']],
        ['ascending with _id as the tie-break', { score: 1 }, ['r6', 'r1', 'r5', 'r2', 'r4', 'r7', 'r3']],
        ['descending with _id ascending as the tie-break', { score: -1 }, ['r3', 'r7', 'r2', 'r4', 'r1', 'r5', 'r6']],
        ['two fields, mixed directions, null and missing tied first', { group: 1, score: -1 }, ['r7', 'r6', 'r2', 'r4', 'r3', 'r1', 'r5']],
        ['two fields descending, null and missing last', { group: -1, score: 1 }, ['r1', 'r5', 'r3', 'r2', 'r4', 'r6', 'r7']],
        ['a dotted path', { 'city.name': 1 }, ['r4', 'r6', 'r7', 'r5', 'r3', 'r2', 'r1']],
        ['_id descending', { _id: -1 }, ['r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1']],
      ];

      it.each(cases)('%s', async (_title, sort, expected) => {
        expect(idsOf(await collection.find({}, { sort }))).toEqual(expected);
      });

      it('limit and skip apply after sorting and filtering', async () => {
        const sort: Sort = { score: 1 };
        expect(idsOf(await collection.find({}, { sort, skip: 2, limit: 3 }))).toEqual(['r5', 'r2', 'r4']);
        expect(idsOf(await collection.find({}, { sort, limit: 2 }))).toEqual(['r6', 'r1']);
        expect(idsOf(await collection.find({}, { sort, skip: 5 }))).toEqual(['r7', 'r3']);
        expect(idsOf(await collection.find({ group: 'b' }, { sort, skip: 1, limit: 1 }))).toEqual(['r5']);
        expect(idsOf(await collection.find({}, { sort, limit: 0 }))).toHaveLength(7);
      });
    });

    describe('findPage', () => {
      /** 23 documents with ties on `bucket`, some without it, and names to sort on. */
      const docs: Document[] = Array.from({ length: 23 }, (_, i) => {
        const doc: Document = { _id: `k${String(i).padStart(2, '0')}`, name: `n${(i * 7) % 5}`, even: i % 2 === 0 };
        if (i % 7 !== 0) doc.bucket = i % 4;
        return doc;
      });

      const walk = async (collection: Collection, filter: Filter, sort: Sort, limit: number): Promise<string[][]> => {
        const pages: string[][] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const page = await collection.findPage(filter, { sort, limit, cursor });
          pages.push(idsOf(page.items));
          if (page.nextCursor === null) return pages;
          cursor = page.nextCursor;
        }
        throw new Error('findPage never reached the last page');
      };

      const walks: Array<[string, Filter, Sort]> = [
        ['descending with ties and missing values', {}, { bucket: -1 }],
        ['ascending with ties and missing values', {}, { bucket: 1 }],
        ['two fields, mixed directions, with a filter', { even: true }, { bucket: 1, name: -1 }],
        ['a boolean field then a string field', {}, { even: -1, name: 1 }],
        ['the default sort', { bucket: { $in: [1, 2] } }, {}],
      ];

      it.each(walks)('walks every document exactly once in order: %s', async (_title, filter, sort) => {
        const collection = await seeded('paging', docs);
        const pages = await walk(collection, filter, sort, 4);
        const expected = idsOf(await collection.find(filter, { sort }));
        expect(expected.length).toBeGreaterThan(4);
        expect(pages.flat()).toEqual(expected);
        expect(pages.slice(0, -1).every((page) => page.length === 4)).toBe(true);
      });

      it('stays stable while documents are written between pages', async () => {
        const collection = await seeded('paging', docs);
        const sort: Sort = { bucket: 1 };
        const first = await collection.findPage({}, { sort, limit: 6 });
        await collection.bulkWrite([
          { op: 'insertOne', doc: { _id: 'a-before', bucket: -5 } },
          { op: 'insertOne', doc: { _id: 'z-after', bucket: 99 } },
        ]);
        const rest: string[] = [];
        let cursor = first.nextCursor;
        while (cursor !== null) {
          const page = await collection.findPage({}, { sort, limit: 6, cursor });
          rest.push(...idsOf(page.items));
          cursor = page.nextCursor;
        }
        const all = idsOf(await collection.find({}, { sort }));
        expect([...idsOf(first.items), ...rest]).toEqual(all.filter((id) => id !== 'a-before'));
      });

      it('uses 50 as the default page size and ends with a null cursor', async () => {
        const collection = await seeded(
          'paging',
          Array.from({ length: 60 }, (_, i) => ({ _id: `d${String(i).padStart(2, '0')}` })),
        );
        const first = await collection.findPage({});
        expect(first.items).toHaveLength(50);
        const second = await collection.findPage({}, { cursor: first.nextCursor as string });
        expect(idsOf(second.items)).toEqual(Array.from({ length: 10 }, (_, i) => `d${50 + i}`));
        expect(second.nextCursor).toBeNull();
      });

      it('refuses a malformed cursor and a cursor made for another sort', async () => {
        const collection = await seeded('paging', docs);
        const page = await collection.findPage({}, { sort: { bucket: 1 }, limit: 3 });
        await expect(collection.findPage({}, { sort: { name: 1 }, limit: 3, cursor: page.nextCursor as string })).rejects.toBeInstanceOf(
          UnsupportedQueryError,
        );
        await expect(collection.findPage({}, { cursor: 'not a cursor' })).rejects.toBeInstanceOf(UnsupportedQueryError);
      });
    });

    describe('indexes', () => {
      it('a unique index refuses a second document with the same key', async () => {
        const name = uniqueName('unique');
        await store.ensureCollection({ name, indexes: [{ fields: { email: 1 }, unique: true }] });
        const collection = store.collection(name);
        await insertAll(collection, [{ _id: 'a', email: 'ana@example.com' }, { _id: 'b', email: 'bia@example.com' }]);
        const insert = collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'c', email: 'ana@example.com' } }]);
        await expect(insert).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(insert).rejects.toMatchObject({ collection: name });
        await expect(
          collection.bulkWrite([{ op: 'updateOne', filter: { _id: 'b' }, update: { $set: { email: 'ana@example.com' } } }]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.find({})).toEqual([
          { _id: 'a', email: 'ana@example.com' },
          { _id: 'b', email: 'bia@example.com' },
        ]);
      });

      it('a compound unique index on a dotted path only refuses the same combination', async () => {
        const name = uniqueName('unique');
        await store.ensureCollection({ name, indexes: [{ fields: { 'owner.tenant': 1, code: -1 }, unique: true }] });
        const collection = store.collection(name);
        await insertAll(collection, [
          { _id: 'a', owner: { tenant: 't1' }, code: 'X' },
          { _id: 'b', owner: { tenant: 't2' }, code: 'X' },
          { _id: 'c', owner: { tenant: 't1' }, code: 'Y' },
        ]);
        await expect(
          collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'd', owner: { tenant: 't2' }, code: 'X' } }]),
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await collection.count({ 'owner.tenant': 't1' })).toBe(2);
      });

      it('a plain index allows duplicates and answers queries on its field', async () => {
        const name = uniqueName('indexed');
        await store.ensureCollection({ name, indexes: [{ fields: { customerId: 1, at: -1 } }] });
        const collection = store.collection(name);
        await insertAll(collection, [
          { _id: 'a', customerId: 'c1', at: '2024-01-02' },
          { _id: 'b', customerId: 'c1', at: '2024-01-03' },
          { _id: 'c', customerId: 'c2', at: '2024-01-01' },
          { _id: 'd', customerId: ['c1', 'c3'], at: '2024-01-04' },
        ]);
        expect(idsOf(await collection.find({ customerId: 'c1' }, { sort: { at: -1 } }))).toEqual(['d', 'b', 'a']);
        expect(idsOf(await collection.find({ customerId: 'c3' }))).toEqual(['d']);
      });

      it('ensureCollection is idempotent and keeps documents and indexes', async () => {
        const name = uniqueName('ensure');
        const spec = { name, indexes: [{ fields: { email: 1 as const }, unique: true }] };
        await store.ensureCollection(spec);
        const collection = store.collection(name);
        await insertAll(collection, [{ _id: 'a', email: 'ana@example.com' }]);
        await store.ensureCollection(spec);
        await store.ensureCollection({ name, indexes: [...spec.indexes, { fields: { city: 1 } }] });
        expect(await collection.find({})).toEqual([{ _id: 'a', email: 'ana@example.com' }]);
        await expect(collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'b', email: 'ana@example.com' } }])).rejects.toBeInstanceOf(
          DuplicateKeyError,
        );
      });
    });

    describe('fields declared scalar (CollectionSpec.scalarFields)', () => {
      const scalarFields = ['customerId', 'at', 'actor.kind'];
      const entry: Document = { _id: 'e1', customerId: 'c1', at: '2024-01-01', actor: { kind: 'user', id: 'u1' }, tags: ['x'] };

      /** A collection declaring `scalarFields`, holding `entry`. */
      const declared = async (): Promise<Collection> => {
        const name = uniqueName('scalars');
        await store.ensureCollection({ name, indexes: [{ fields: { customerId: 1, at: -1 } }], scalarFields });
        const collection = store.collection(name);
        await insertAll(collection, [entry]);
        return collection;
      };

      const expectRefused = async (attempt: Promise<unknown>, collection: string, field: string): Promise<void> => {
        await expect(attempt).rejects.toBeInstanceOf(UnsupportedQueryError);
        await expect(attempt).rejects.toThrow(`'${collection}'`);
        await expect(attempt).rejects.toThrow(`'${field}'`);
      };

      const refused: Array<[string, WriteOp, string]> = [
        ['an inserted array', { op: 'insertOne', doc: { _id: 'n', customerId: ['c1'] } }, 'customerId'],
        ['an inserted object', { op: 'insertOne', doc: { _id: 'n', customerId: { id: 'c1' } } }, 'customerId'],
        ['an inserted array on the way to a dotted field', { op: 'insertOne', doc: { _id: 'n', actor: [{ kind: 'user' }] } }, 'actor.kind'],
        ['an inserted array at a dotted field', { op: 'insertOne', doc: { _id: 'n', actor: { kind: ['user'] } } }, 'actor.kind'],
        ['a replacement holding an array', { op: 'replaceOne', filter: { _id: 'e1' }, replacement: { ...entry, at: ['2024-01-01'] } }, 'at'],
        [
          'an upserted replacement holding an object',
          { op: 'replaceOne', filter: { _id: 'n' }, replacement: { _id: 'n', at: { day: 1 } }, upsert: true },
          'at',
        ],
        ['$set of an array', { op: 'updateOne', filter: { _id: 'e1' }, update: { $set: { customerId: ['c2'] } } }, 'customerId'],
        ['$set of a parent holding an object', { op: 'updateOne', filter: { _id: 'e1' }, update: { $set: { actor: { kind: { a: 1 } } } } }, 'actor.kind'],
        ['$set of a parent to an array', { op: 'updateOne', filter: { _id: 'e1' }, update: { $set: { actor: [] } } }, 'actor.kind'],
        ['$set below a declared field', { op: 'updateOne', filter: { _id: 'e1' }, update: { $set: { 'customerId.sub': 'x' } } }, 'customerId'],
        ['$inc below a declared field', { op: 'updateOne', filter: { _id: 'e1' }, update: { $inc: { 'at.n': 1 } } }, 'at'],
        ['$push onto a declared field', { op: 'updateOne', filter: { _id: 'e1' }, update: { $push: { customerId: 'c2' } } }, 'customerId'],
        ['$push onto a parent', { op: 'updateOne', filter: { _id: 'e1' }, update: { $push: { actor: { kind: 'user' } } } }, 'actor.kind'],
        ['$pull from a declared field', { op: 'updateOne', filter: { _id: 'e1' }, update: { $pull: { at: 'x' } } }, 'at'],
        [
          '$setOnInsert of an array',
          { op: 'updateOne', filter: { _id: 'n' }, update: { $setOnInsert: { customerId: ['c2'] } }, upsert: true },
          'customerId',
        ],
        [
          'an upsert whose filter would seed an array',
          { op: 'updateOne', filter: { _id: 'n', customerId: ['c1'] }, update: { $set: { seen: true } }, upsert: true },
          'customerId',
        ],
        ['updateMany setting an object', { op: 'updateMany', filter: {}, update: { $set: { at: { day: 1 } } } }, 'at'],
      ];

      it.each(refused)('refuses %s, naming the collection and the field, and writes nothing', async (_label, write, field) => {
        const collection = await declared();
        await expectRefused(collection.bulkWrite([write]), collection.name, field);
        expect(await collection.find({})).toEqual([entry]);
      });

      it('refuses the whole unit of work when one write would break a declaration', async () => {
        const collection = await declared();
        const other = uniqueName('scalars_other');
        await expectRefused(
          store.commit([
            { collection: other, write: { op: 'insertOne', doc: { _id: 'o1', customerId: ['free here'] } } },
            { collection: collection.name, write: { op: 'insertOne', doc: { _id: 'n1', customerId: 'c1' } } },
            { collection: collection.name, write: { op: 'insertOne', doc: { _id: 'n2', customerId: ['c1'] } } },
          ]),
          collection.name,
          'customerId',
        );
        expect(await collection.find({})).toEqual([entry]);
        expect(await store.collection(other).count()).toBe(0);
      });

      it('accepts scalars, null, missing fields, scalars on the way, and anything in other fields', async () => {
        const collection = await declared();
        await collection.bulkWrite([
          { op: 'insertOne', doc: { _id: 'e2', customerId: 7, at: null, actor: 'system', tags: [1, [2]], more: { customerId: ['x'] } } },
          { op: 'updateOne', filter: { _id: 'e1' }, update: { $set: { customerId: true, 'actor.id': ['u1', 'u2'] }, $unset: { at: 1 }, $inc: { n: 1 } } },
          { op: 'updateOne', filter: { _id: 'e1' }, update: { $push: { tags: 'y' } } },
          { op: 'updateOne', filter: { _id: 'e3', customerId: 'c3' }, update: { $set: { actor: { kind: null } } }, upsert: true },
          { op: 'replaceOne', filter: { _id: 'e4' }, replacement: { _id: 'e4', at: '2024-02-01', actor: { id: 'u4' } }, upsert: true },
        ]);
        expect(await collection.find({})).toEqual([
          { _id: 'e1', actor: { id: ['u1', 'u2'], kind: 'user' }, customerId: true, n: 1, tags: ['x', 'y'] },
          { _id: 'e2', customerId: 7, at: null, actor: 'system', tags: [1, [2]], more: { customerId: ['x'] } },
          { _id: 'e3', customerId: 'c3', actor: { kind: null } },
          { _id: 'e4', at: '2024-02-01', actor: { id: 'u4' } },
        ]);
      });

      describe('answer queries as any field does', () => {
        const docs: Document[] = [
          { _id: 'a', k: 'x', at: '2024-01-02', n: 1 },
          { _id: 'b', k: 'y', at: '2024-01-01', n: 2 },
          { _id: 'c', k: null, at: '2024-01-03', n: '2' },
          { _id: 'd', at: '2024-01-02', n: true },
          { _id: 'e', k: 'x', at: '2024-01-04', n: 2.5 },
        ];
        let scalar: Collection;
        let plain: Collection;

        beforeAll(async () => {
          const name = uniqueName('scalar_queries');
          await store.ensureCollection({ name, indexes: [{ fields: { k: 1, at: -1 } }, { fields: { n: 1 } }], scalarFields: ['k', 'at', 'n'] });
          scalar = store.collection(name);
          await insertAll(scalar, docs);
          plain = await seeded('plain_queries', docs);
        });

        const cases: Array<[Filter, string[]]> = [
          [{ k: 'x' }, ['a', 'e']],
          [{ k: null }, ['c', 'd']],
          [{ k: { $ne: 'x' } }, ['b', 'c', 'd']],
          [{ k: { $in: ['y', null] } }, ['b', 'c', 'd']],
          [{ k: { $nin: ['x', null] } }, ['b']],
          [{ k: ['x'] }, []],
          [{ k: { $exists: false } }, ['d']],
          [{ n: 2 }, ['b']],
          [{ n: { $gte: 1, $lt: 2.5 } }, ['a', 'b']],
          [{ n: { $gt: '1' } }, ['c']],
          [{ n: true }, ['d']],
          [{ at: { $gte: '2024-01-02', $lt: '2024-01-04' } }, ['a', 'c', 'd']],
          [{ $or: [{ k: 'y' }, { n: true }] }, ['b', 'd']],
        ];

        it.each(cases)('%j', async (filter, expected) => {
          expect(idsOf(await scalar.find(filter))).toEqual(expected);
          expect(idsOf(await plain.find(filter))).toEqual(expected);
          expect(await scalar.count(filter)).toBe(expected.length);
        });

        it('sorted, and paged by a keyset cursor', async () => {
          expect(idsOf(await scalar.find({}, { sort: { at: -1 } }))).toEqual(['e', 'c', 'a', 'd', 'b']);
          const first = await scalar.findPage({ k: { $ne: 'y' } }, { sort: { at: -1 }, limit: 2 });
          const second = await scalar.findPage({ k: { $ne: 'y' } }, { sort: { at: -1 }, limit: 2, cursor: first.nextCursor ?? undefined });
          expect([idsOf(first.items), idsOf(second.items), second.nextCursor]).toEqual([['e', 'c'], ['a', 'd'], null]);
        });
      });

      it('refuses a declaration over documents that already hold an array or object there, and declares nothing', async () => {
        const cases: Array<[Document, string]> = [
          [{ _id: 'a', k: ['x'] }, 'k'],
          [{ _id: 'a', k: { x: 1 } }, 'k'],
          [{ _id: 'a', actor: [{ kind: 'user' }] }, 'actor.kind'],
        ];
        for (const [doc, field] of cases) {
          const collection = await seeded('scalars_existing', [{ _id: 'fine', k: 'x', actor: { kind: 'user' } }, doc]);
          await expectRefused(store.ensureCollection({ name: collection.name, scalarFields: [field] }), collection.name, field);
          await collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'b', k: [1], actor: [1] } }]);
          expect(await collection.count()).toBe(3);
        }
      });

      it('declares a field over documents where it is scalar or missing, and keeps it when ensured again without it', async () => {
        const collection = await seeded('scalars_existing', [
          { _id: 'a', k: 'x', o: { p: 1 } },
          { _id: 'b', o: 'scalar on the way' },
        ]);
        await store.ensureCollection({ name: collection.name, scalarFields: ['k', 'o.p'] });
        await store.ensureCollection({ name: collection.name });
        await expectRefused(collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'c', k: [] } }]), collection.name, 'k');
        await expectRefused(collection.bulkWrite([{ op: 'updateOne', filter: { _id: 'b' }, update: { $set: { o: { p: [] } } } }]), collection.name, 'o.p');
        expect(await collection.count({ k: 'x' })).toBe(1);
      });

      it('a dropped collection forgets its declaration', async () => {
        const name = uniqueName('scalars_dropped');
        await store.ensureCollection({ name, scalarFields: ['k'] });
        await store.dropCollection(name);
        await store.commit([{ collection: name, write: { op: 'insertOne', doc: { _id: 'a', k: ['x'] } } }]);
        expect(await store.collection(name).find({ k: 'x' })).toEqual([{ _id: 'a', k: ['x'] }]);
      });

      it('refuses a malformed declaration', async () => {
        const name = uniqueName('scalars_malformed');
        for (const scalarFields of ['k', [1], ['a.0'], ['$k'], ['_id']]) {
          await expect(store.ensureCollection({ name, scalarFields: scalarFields as string[] })).rejects.toBeInstanceOf(UnsupportedQueryError);
        }
      });
    });

    describe('units of work', () => {
      it('bulkWrite applies its writes in order', async () => {
        const collection = store.collection(uniqueName('bulk'));
        await collection.bulkWrite([
          { op: 'insertOne', doc: { _id: 'a', n: 1 } },
          { op: 'updateOne', filter: { _id: 'a' }, update: { $inc: { n: 1 } } },
          { op: 'replaceOne', filter: { _id: 'a' }, replacement: { _id: 'a', n: 10, replaced: true } },
          { op: 'updateOne', filter: { _id: 'a' }, update: { $inc: { n: 1 } } },
          { op: 'insertOne', doc: { _id: 'b', n: 0 } },
          { op: 'updateMany', filter: { n: { $gte: 0 } }, update: { $inc: { n: 100 } } },
          { op: 'deleteOne', filter: { _id: 'b' } },
          { op: 'insertOne', doc: { _id: 'c', n: 0 } },
          { op: 'deleteMany', filter: { n: { $lt: 100 } } },
        ]);
        expect(await collection.find({})).toEqual([{ _id: 'a', n: 111, replaced: true }]);
      });

      it('commit writes to several collections, checkpoint included', async () => {
        const models = store.collection(uniqueName('model'));
        const checkpoints = store.collection(uniqueName('checkpoints'));
        await store.commit([
          { collection: models.name, write: { op: 'insertOne', doc: { _id: 'm1', title: 'first' } } },
          { collection: checkpoints.name, write: { op: 'replaceOne', filter: { _id: 'timeline' }, replacement: { _id: 'timeline', position: '7' }, upsert: true } },
          { collection: models.name, write: { op: 'updateOne', filter: { _id: 'm1' }, update: { $set: { title: 'second' } } } },
        ]);
        expect(await models.find({})).toEqual([{ _id: 'm1', title: 'second' }]);
        expect(await checkpoints.findOne({ _id: 'timeline' })).toEqual({ _id: 'timeline', position: '7' });
        await store.commit([]);
      });
    });

    describe('positionGuard', () => {
      const pos = (n: number): string => String(n).padStart(20, '0');

      const guardedInc = (filter: Filter, guard: string, upsert = false): WriteOp => ({
        op: 'updateOne',
        filter,
        update: { $inc: { n: 1 } },
        upsert,
        positionGuard: guard,
      });

      it('applies when _pos is absent or lower, and records the guard', async () => {
        const collection = await seeded('guard', [{ _id: 'g', n: 0 }]);
        await collection.bulkWrite([guardedInc({ _id: 'g' }, pos(9))]);
        expect(await collection.findOne({ _id: 'g' })).toEqual({ _id: 'g', n: 1, _pos: pos(9) });
        // Fixed-width positions compare as strings: 10 comes after 9.
        await collection.bulkWrite([guardedInc({ _id: 'g' }, pos(10))]);
        expect(await collection.findOne({ _id: 'g' })).toEqual({ _id: 'g', n: 2, _pos: pos(10) });
      });

      it('is a no-op when _pos is equal or higher', async () => {
        const collection = await seeded('guard', [{ _id: 'g', n: 5, _pos: pos(10) }]);
        await collection.bulkWrite([guardedInc({ _id: 'g' }, pos(10)), guardedInc({ _id: 'g' }, pos(3))]);
        expect(await collection.findOne({ _id: 'g' })).toEqual({ _id: 'g', n: 5, _pos: pos(10) });
      });

      it('compares with a string _pos only: one that is null or a number is never lower', async () => {
        const collection = await seeded('guard', [
          { _id: 'null', n: 0, _pos: null },
          { _id: 'number', n: 0, _pos: 1 },
        ]);
        // By _id alone and with another field in the filter: both ways of finding the document.
        await collection.bulkWrite([guardedInc({ _id: 'null' }, pos(9)), guardedInc({ _id: 'number' }, pos(9))]);
        await collection.bulkWrite([guardedInc({ _id: 'null', n: 0 }, pos(9)), guardedInc({ _id: 'number', n: 0 }, pos(9))]);
        expect(await collection.find({})).toEqual([
          { _id: 'null', n: 0, _pos: null },
          { _id: 'number', n: 0, _pos: 1 },
        ]);
      });

      it('keeps the caller filter, $or included', async () => {
        const collection = await seeded('guard', [
          { _id: 'a', status: 'open', n: 0 },
          { _id: 'b', status: 'closed', n: 0 },
        ]);
        await collection.bulkWrite([
          guardedInc({ _id: 'b', status: 'open' }, pos(1)),
          guardedInc({ $or: [{ status: 'open' }, { status: 'new' }] }, pos(2)),
        ]);
        expect(await collection.find({})).toEqual([
          { _id: 'a', status: 'open', n: 1, _pos: pos(2) },
          { _id: 'b', status: 'closed', n: 0 },
        ]);
      });

      it('a guarded upsert inserts a missing document with _pos', async () => {
        const collection = store.collection(uniqueName('guard'));
        await collection.bulkWrite([guardedInc({ _id: 'g', kind: 'k' }, pos(4), true)]);
        expect(await collection.find({})).toEqual([{ _id: 'g', kind: 'k', n: 1, _pos: pos(4) }]);
      });

      it('a guarded upsert on a document at or past the guard changes nothing and raises nothing', async () => {
        const collection = await seeded('guard', [{ _id: 'g', kind: 'k', n: 7, _pos: pos(20) }]);
        await collection.bulkWrite([guardedInc({ _id: 'g' }, pos(20), true), guardedInc({ _id: 'g', kind: 'k' }, pos(15), true)]);
        // The filter misses (kind differs) and the _id is taken by a document past the guard.
        await collection.bulkWrite([guardedInc({ _id: 'g', kind: 'other' }, pos(18), true)]);
        expect(await collection.find({})).toEqual([{ _id: 'g', kind: 'k', n: 7, _pos: pos(20) }]);
      });

      it('replaying a batch of guarded writes leaves the same result', async () => {
        const collection = store.collection(uniqueName('guard'));
        const batch: WriteOp[] = [
          { op: 'updateOne', filter: { _id: 'c1' }, update: { $setOnInsert: { createdAt: 'e1' }, $set: { name: 'Ana' } }, upsert: true, positionGuard: pos(1) },
          { op: 'updateOne', filter: { _id: 'c1' }, update: { $push: { events: 'e2' }, $inc: { count: 1 } }, positionGuard: pos(2) },
          { op: 'updateOne', filter: { _id: 'c1' }, update: { $push: { events: 'e3' }, $inc: { count: 1 } }, upsert: true, positionGuard: pos(3) },
          { op: 'replaceOne', filter: { _id: 'c2' }, replacement: { _id: 'c2', version: 1 }, upsert: true, positionGuard: pos(4) },
        ];
        await collection.bulkWrite(batch);
        const once = await collection.find({});
        await collection.bulkWrite(batch);
        await collection.bulkWrite(batch.slice(1));
        expect(await collection.find({})).toEqual(once);
        expect(once).toEqual([
          { _id: 'c1', createdAt: 'e1', name: 'Ana', _pos: pos(3), events: ['e2', 'e3'], count: 2 },
          { _id: 'c2', version: 1, _pos: pos(4) },
        ]);
      });

      it('a guarded replaceOne applies when lower and not when equal or higher', async () => {
        const collection = await seeded('guard', [{ _id: 'g', v: 1, _pos: pos(5) }]);
        const replace = (v: number, guard: number): WriteOp => ({
          op: 'replaceOne',
          filter: { _id: 'g' },
          replacement: { _id: 'g', v },
          upsert: true,
          positionGuard: pos(guard),
        });
        await collection.bulkWrite([replace(2, 5), replace(3, 4)]);
        expect(await collection.find({})).toEqual([{ _id: 'g', v: 1, _pos: pos(5) }]);
        await collection.bulkWrite([replace(4, 6)]);
        expect(await collection.find({})).toEqual([{ _id: 'g', v: 4, _pos: pos(6) }]);
      });
    });

    describe('collections', () => {
      it('are listed once ensured or written, and gone once dropped', async () => {
        const ensured = uniqueName('listed');
        const written = uniqueName('listed');
        await store.ensureCollection({ name: ensured });
        await store.commit([{ collection: written, write: { op: 'insertOne', doc: { _id: 'a' } } }]);
        expect(await store.listCollections()).toEqual(expect.arrayContaining([ensured, written]));

        await store.dropCollection(written);
        const after = await store.listCollections();
        expect(after).toContain(ensured);
        expect(after).not.toContain(written);
        expect(await store.collection(written).count()).toBe(0);
      });

      it('a dropped collection can be written again, and dropping a missing one is fine', async () => {
        const name = uniqueName('dropped');
        await store.ensureCollection({ name, indexes: [{ fields: { email: 1 }, unique: true }] });
        await store.commit([{ collection: name, write: { op: 'insertOne', doc: { _id: 'a', email: 'x' } } }]);
        await store.dropCollection(name);
        await store.commit([{ collection: name, write: { op: 'insertOne', doc: { _id: 'b', email: 'x' } } }]);
        expect(await store.collection(name).find({})).toEqual([{ _id: 'b', email: 'x' }]);
        await store.dropCollection(uniqueName('missing'));
      });
    });
  });
}
