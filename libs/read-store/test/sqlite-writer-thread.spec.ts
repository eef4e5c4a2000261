import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateKeyError, InvalidUpdateError, SqliteReadStore, UnsupportedQueryError, type CollectionWrite, type WriteOp } from '@trilha/read-store';
import { ReadStoreWriterStoppedError, WriterThread } from '../src/sqlite/writer-thread';

const insert = (collection: string, doc: Record<string, unknown> & { _id: string }): CollectionWrite => ({ collection, write: { op: 'insertOne', doc } });

/** A file store writes on its writer thread (ADR 0028); callers see what an in-thread write answers. */
describe('SqliteReadStore writer thread', () => {
  let dir: string;
  let file: string;
  const stores: SqliteReadStore[] = [];
  const open = (path = file) => {
    const store = new SqliteReadStore(path);
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trilha-read-writer-'));
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** What `act` rejects with on a file store and on an in-memory one (which writes in-thread). */
  async function bothRefusals(act: (store: SqliteReadStore) => Promise<unknown>): Promise<[Error, Error]> {
    const refusals: Error[] = [];
    for (const store of [open(), open(':memory:')]) {
      const error = await act(store).then(
        () => undefined,
        (e: Error) => e,
      );
      if (!error) throw new Error('expected a refusal');
      refusals.push(error);
    }
    return refusals as [Error, Error];
  }

  it('rebuilds a unique clash as DuplicateKeyError with the collection and message of an in-thread write', async () => {
    const [threaded, inThread] = await bothRefusals(async (store) => {
      await store.commit([insert('notes', { _id: 'a' })]);
      await store.commit([insert('notes', { _id: 'b' }), insert('notes', { _id: 'a' })]);
    });
    expect(threaded).toBeInstanceOf(DuplicateKeyError);
    expect(threaded).toMatchObject({ name: 'DuplicateKeyError', collection: 'notes', message: inThread.message });
    expect(threaded.message).toMatch(/duplicate key in collection 'notes'/);
    expect(await stores[0].collection('notes').count()).toBe(1);
  });

  it('rebuilds a unique index over colliding documents as DuplicateKeyError', async () => {
    const [threaded, inThread] = await bothRefusals(async (store) => {
      await store.commit([insert('people', { _id: 'a', email: 'x' }), insert('people', { _id: 'b', email: 'x' })]);
      await store.ensureCollection({ name: 'people', indexes: [{ fields: { email: 1 }, unique: true }] });
    });
    expect(threaded).toBeInstanceOf(DuplicateKeyError);
    expect(threaded).toMatchObject({ collection: 'people', message: inThread.message });
  });

  it('rebuilds the case clash as UnsupportedQueryError, and the store stays usable', async () => {
    const [threaded, inThread] = await bothRefusals(async (store) => {
      await store.ensureCollection({ name: 'Wallet' });
      await store.commit([insert('wallet', { _id: 'a' })]);
    });
    expect(threaded).toBeInstanceOf(UnsupportedQueryError);
    expect(threaded.message).toBe(inThread.message);
    expect(threaded.message).toBe(`collection 'wallet' differs from 'Wallet' only by case`);
    await stores[0].commit([insert('Wallet', { _id: 'w' })]);
    expect(await stores[0].collection('Wallet').find({})).toEqual([{ _id: 'w' }]);
  });

  it('rebuilds an update the stored data refuses as InvalidUpdateError, and an _id change as Error', async () => {
    const [invalid, invalidInThread] = await bothRefusals(async (store) => {
      await store.commit([insert('n', { _id: 'a', count: 'text' })]);
      await store.collection('n').bulkWrite([{ op: 'updateOne', filter: { _id: 'a' }, update: { $inc: { count: 1 } } }]);
    });
    expect(invalid).toBeInstanceOf(InvalidUpdateError);
    expect(invalid.message).toBe(invalidInThread.message);

    const [changed, changedInThread] = await bothRefusals(async (store) => {
      await store.commit([insert('m', { _id: 'a' })]);
      await store.collection('m').bulkWrite([{ op: 'replaceOne', filter: { _id: 'a' }, replacement: { _id: 'b' } }]);
    });
    expect(changed.constructor).toBe(Error);
    expect(changed.message).toBe(changedInThread.message);
  });

  it('refuses on the calling thread what it refused before: a Date, a class instance, a bad name', async () => {
    class Money {
      constructor(readonly cents: number) {}
    }
    for (const doc of [{ _id: 'd', at: new Date() }, { _id: 'm', price: new Money(5) }]) {
      const [threaded, inThread] = await bothRefusals((store) => store.commit([insert('things', doc)]));
      expect(threaded).toBeInstanceOf(UnsupportedQueryError);
      expect(threaded.message).toBe(inThread.message);
    }
    const [badName, badNameInThread] = await bothRefusals((store) => store.ensureCollection({ name: 'no spaces' }));
    expect(badName.message).toBe(badNameInThread.message);
    expect(await stores[0].listCollections()).toEqual([]);
  });

  it('applies writes in the order they were made, each committed when its promise resolves', async () => {
    const store = open();
    const collection = store.collection('log');
    const created = collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'l', seen: [] } }]);
    const lastSeenAt: number[] = [];
    const updates = Array.from({ length: 50 }, (_, i) =>
      collection.bulkWrite([{ op: 'updateOne', filter: { _id: 'l' }, update: { $push: { seen: i }, $set: { last: i } } }]).then(async () => {
        // Read as soon as the promise resolved: this write is there (later ones may be too).
        lastSeenAt.push(((await collection.findOne({ _id: 'l' }))?.last as number) ?? -1);
      }),
    );
    await Promise.all([created, ...updates]);
    expect(lastSeenAt.every((last, i) => last >= i)).toBe(true);
    expect(await collection.findOne({ _id: 'l' })).toEqual({ _id: 'l', seen: Array.from({ length: 50 }, (_, i) => i), last: 49 });

    const dropped = store.dropCollection('log');
    const after = collection.bulkWrite([{ op: 'insertOne', doc: { _id: 'after-drop' } }]);
    await Promise.all([dropped, after]);
    expect(await collection.find({})).toEqual([{ _id: 'after-drop' }]);
  });

  it('reads its own writes right after each commit, on the calling thread’s connection', async () => {
    const store = open();
    for (let i = 0; i < 30; i++) {
      await store.commit([insert('rw', { _id: `d${i}`, i }), { collection: 'rw', write: { op: 'updateOne', filter: { _id: 'd0' }, update: { $set: { i } } } }]);
      expect(await store.collection('rw').count()).toBe(i + 1);
      expect(await store.collection('rw').findOne({ _id: 'd0' })).toEqual({ _id: 'd0', i });
    }
  });

  it('sees a collection declared, created lazily or dropped by the writer thread at once', async () => {
    const store = open();
    const scalars = store.collection('s');
    // Read first, so that this thread's catalogue has an opinion on 's' to forget.
    expect(await scalars.count()).toBe(0);
    await store.commit([insert('s', { _id: 'a', tag: 'x' })]);
    expect(await store.listCollections()).toEqual(['s']);
    expect(await scalars.find({ tag: 'x' })).toEqual([{ _id: 'a', tag: 'x' }]);

    await store.ensureCollection({ name: 's', indexes: [{ fields: { tag: 1 } }], scalarFields: ['tag'] });
    const refused = store.commit([insert('s', { _id: 'b', tag: ['array'] })]);
    await expect(refused).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(refused).rejects.toThrow(`writes[0]: field 'tag' of collection 's' is declared scalar: 'tag' would hold an array`);

    await store.dropCollection('s');
    expect(await scalars.count()).toBe(0);
    expect(await store.listCollections()).toEqual([]);
    // The declaration went with the collection: an array is welcome again, and found as before.
    await store.commit([insert('s', { _id: 'c', tag: ['x', 'y'] })]);
    expect(await scalars.find({ tag: 'x' })).toEqual([{ _id: 'c', tag: ['x', 'y'] }]);
  });

  it('reads a table another connection dropped as no collection, before it has heard of the drop', async () => {
    const store = open();
    await store.commit([insert('gone', { _id: 'a' })]);
    expect(await store.collection('gone').count()).toBe(1); // its statements are prepared, the table is known
    const other = new Database(file);
    other.exec(`DROP TABLE rs_gone; DELETE FROM _collections WHERE name = 'gone'`);
    other.close();

    expect(await store.collection('gone').count()).toBe(0);
    expect(await store.collection('gone').find({ _id: 'a' })).toEqual([]);
    expect(await store.collection('gone').findOne({ _id: 'a' })).toBeNull();
  });

  it('keeps a declaration sent just before a write, even when the write does not wait for it', async () => {
    const store = open();
    await store.commit([insert('late', { _id: 'a', tag: 'x' })]);
    const declared = store.ensureCollection({ name: 'late', scalarFields: ['tag'] });
    // Refused here if the thread has committed the declaration already, else by the thread.
    const refusal = store.commit([insert('late', { _id: 'b', tag: ['array'] })]).then(
      () => undefined,
      (error: Error) => error,
    );
    await declared;
    expect(await refusal).toBeInstanceOf(UnsupportedQueryError);
    expect((await refusal)?.message).toBe(`writes[0]: field 'tag' of collection 'late' is declared scalar: 'tag' would hold an array`);
    expect(await store.collection('late').count()).toBe(1);
  });

  it('close() applies every write sent before it, then refuses later ones', async () => {
    const store = open();
    const writes = Array.from({ length: 40 }, (_, i) => store.commit([insert('drain', { _id: `d${i}` })]));
    await store.close();
    await expect(Promise.all(writes)).resolves.toHaveLength(40);
    await expect(store.commit([insert('drain', { _id: 'late' })])).rejects.toThrow(/is not open|is closed/);
    await expect(store.close()).resolves.toBeUndefined();

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM rs_drain').get()).toEqual({ n: 40 });
    raw.close();
  });
});

describe('WriterThread, when it stops unasked', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'trilha-read-writer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const commit = (id: string) => ({ kind: 'commit' as const, writes: [{ collection: 'n', write: { op: 'insertOne', doc: { _id: id } } as WriteOp }] });

  it('rejects the writes in flight and every later one when the thread is terminated', async () => {
    const file = join(dir, 'read-models.sqlite');
    await new SqliteReadStore(file).close(); // creates the file
    const writer = new WriterThread({ path: file, walAutocheckpointPages: 1000 });
    const pending = [writer.send(commit('a')), writer.send(commit('b'))];
    await writer.thread!.terminate();

    for (const write of pending) await expect(write).rejects.toBeInstanceOf(ReadStoreWriterStoppedError);
    await expect(pending[0]).rejects.toThrow(/writer thread stopped .*may or may not be stored/);
    await expect(writer.send(commit('c'))).rejects.toBeInstanceOf(ReadStoreWriterStoppedError);
    await writer.close();
  });

  it('checks a write against the declarations the thread knows, whatever the caller checked', async () => {
    const file = join(dir, 'read-models.sqlite');
    await new SqliteReadStore(file).close();
    const writer = new WriterThread({ path: file, walAutocheckpointPages: 1000 });
    await writer.send({ kind: 'ensureCollection', spec: { name: 'n', scalarFields: ['tag'] } });
    const refused = writer.send({ kind: 'commit', writes: [{ collection: 'n', write: { op: 'insertOne', doc: { _id: 'a', tag: { x: 1 } } } }] });

    await expect(refused).rejects.toBeInstanceOf(UnsupportedQueryError);
    await expect(refused).rejects.toThrow(`writes[0]: field 'tag' of collection 'n' is declared scalar: it would hold an object`);
    await writer.close();
  });

  it('rejects a write that cannot be cloned at once, and still closes', async () => {
    const file = join(dir, 'read-models.sqlite');
    const writer = new WriterThread({ path: file, walAutocheckpointPages: 1000 });
    const uncloneable = { kind: 'commit' as const, writes: [{ collection: 'n', write: { op: 'insertOne', doc: { _id: 'a', f: () => 1 } } as WriteOp }] };

    await expect(writer.send(uncloneable)).rejects.toThrow(/could not be cloned/);
    await expect(writer.send(commit('b'))).resolves.toBeUndefined();
    await writer.close();
  });

  it('rejects the writes with the cause when the thread cannot open the file', async () => {
    const writer = new WriterThread({ path: join(dir, 'missing-folder', 'read-models.sqlite'), walAutocheckpointPages: 1000 });
    const failed = writer.send(commit('a'));

    await expect(failed).rejects.toBeInstanceOf(ReadStoreWriterStoppedError);
    await expect(failed).rejects.toThrow(/Cannot open database because the directory does not exist/);
    await writer.close();
  });
});
