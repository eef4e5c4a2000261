import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateKeyError, SqliteReadStore, UnsupportedQueryError } from '@trilha/read-store';
import { filterToSql } from '../src/sqlite/sqlite-filter';
import { tableName } from '../src/sqlite/sqlite-names';

describe('SqliteReadStore', () => {
  it('rolls back every write of a failed commit, across collections and new tables', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.commit([{ collection: 'existing', write: { op: 'insertOne', doc: { _id: 'a' } } }]);

    const failure = store.commit([
      { collection: 'fresh', write: { op: 'insertOne', doc: { _id: 'f1' } } },
      { collection: 'existing', write: { op: 'updateOne', filter: { _id: 'a' }, update: { $set: { touched: true } } } },
      { collection: 'existing', write: { op: 'insertOne', doc: { _id: 'a' } } },
    ]);

    await expect(failure).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(failure).rejects.toMatchObject({ collection: 'existing' });
    expect(await store.collection('existing').find({})).toEqual([{ _id: 'a' }]);
    expect(await store.collection('fresh').count()).toBe(0);
    expect(await store.listCollections()).toEqual(['existing']);
    await store.commit([{ collection: 'fresh', write: { op: 'insertOne', doc: { _id: 'f2' } } }]);
    expect(await store.collection('fresh').find({})).toEqual([{ _id: 'f2' }]);
    await store.close();
  });

  it('refuses a unique index over documents that already collide', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.collection('people').bulkWrite([
      { op: 'insertOne', doc: { _id: 'a', email: 'x' } },
      { op: 'insertOne', doc: { _id: 'b', email: 'x' } },
    ]);
    await expect(store.ensureCollection({ name: 'people', indexes: [{ fields: { email: 1 }, unique: true }] })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(await store.collection('people').count()).toBe(2);
    await store.close();
  });

  it('refuses a collection whose name differs from another only by case (SQLite table names ignore case)', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.ensureCollection({ name: 'Wallet' });
    await expect(store.commit([{ collection: 'wallet', write: { op: 'insertOne', doc: { _id: 'a' } } }])).rejects.toBeInstanceOf(
      UnsupportedQueryError,
    );
    expect(await store.listCollections()).toEqual(['Wallet']);
    await store.close();
  });

  it('keeps documents in a WAL-mode file across reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trilha-read-store-'));
    try {
      const file = join(dir, 'read.db');
      const first = new SqliteReadStore(file);
      await first.ensureCollection({ name: 'notes', indexes: [{ fields: { at: 1 } }] });
      await first.collection('notes').bulkWrite([{ op: 'insertOne', doc: { _id: 'n1', at: 1 } }]);
      await first.close();

      const second = new SqliteReadStore(file);
      expect(await second.collection('notes').find({})).toEqual([{ _id: 'n1', at: 1 }]);
      expect(await second.listCollections()).toEqual(['notes']);
      await second.close();

      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a file whose catalogue predates declared scalar fields, and keeps a declaration across reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trilha-read-store-'));
    try {
      const file = join(dir, 'read.db');
      const old = new Database(file);
      old.exec(`CREATE TABLE _collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL DEFAULT '[]')`);
      old.exec(`CREATE TABLE ${tableName('entries')} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
      old.prepare(`INSERT INTO _collections (name) VALUES ('entries')`).run();
      old.prepare(`INSERT INTO ${tableName('entries')} VALUES ('e1', '{"_id":"e1","customerId":"c1"}')`).run();
      old.close();

      const first = new SqliteReadStore(file);
      expect(await first.collection('entries').find({ customerId: 'c1' })).toEqual([{ _id: 'e1', customerId: 'c1' }]);
      await first.ensureCollection({ name: 'entries', scalarFields: ['customerId'] });
      await first.close();

      const second = new SqliteReadStore(file);
      await expect(second.collection('entries').bulkWrite([{ op: 'insertOne', doc: { _id: 'e2', customerId: ['c1'] } }])).rejects.toThrow(
        /field 'customerId' of collection 'entries' is declared scalar/,
      );
      expect(await second.collection('entries').count({ customerId: 'c1' })).toBe(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on a shared better-sqlite3 database', () => {
    let db: Database.Database;
    let store: SqliteReadStore;

    beforeEach(() => {
      db = new Database(':memory:');
      store = new SqliteReadStore(db);
    });

    afterEach(() => {
      db.close();
    });

    it('writes into that database and leaves it open on close', async () => {
      db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY)');
      await store.commit([{ collection: 'timeline', write: { op: 'insertOne', doc: { _id: 't1' } } }]);
      await store.close();
      expect(db.open).toBe(true);
      expect(db.prepare(`SELECT id FROM ${tableName('timeline')}`).all()).toEqual([{ id: 't1' }]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
    });

    const planFor = (collection: string, filter: Record<string, unknown>): string[] => {
      const where = filterToSql(filter);
      const rows = db.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM ${tableName(collection)} WHERE ${where.sql}`).all(...where.params);
      return (rows as Array<{ detail: string }>).map((row) => row.detail);
    };

    it('answers equality, $in and ranges on a declared field from its expression index', async () => {
      await store.ensureCollection({ name: 'visits', indexes: [{ fields: { customerId: 1, at: -1 } }] });
      for (const filter of [{ customerId: 'c1' }, { customerId: { $in: ['c1', 'c2'] } }, { customerId: { $gt: 'c' } }]) {
        const plan = planFor('visits', filter);
        expect(plan.some((detail) => detail.includes('USING INDEX rsx_visits__customerId_1_at_-1'))).toBe(true);
        expect(plan.some((detail) => /^SCAN rs_visits\b/.test(detail))).toBe(false);
      }
    });

    /** The plans of the SELECTs the store runs during `read` (third-party statements wrapped, nothing of ours). */
    const plansOf = async (read: () => Promise<unknown>): Promise<string[][]> => {
      const run: Array<{ sql: string; params: unknown[] }> = [];
      const prepare = db.prepare.bind(db);
      const spy = jest.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
        const statement = prepare(sql);
        return new Proxy(statement, {
          get(target, key) {
            const value = Reflect.get(target, key, target) as unknown;
            if (key !== 'all' && key !== 'get') return typeof value === 'function' ? value.bind(target) : value;
            return (...params: unknown[]) => {
              run.push({ sql, params });
              return (value as (...args: unknown[]) => unknown).apply(target, params);
            };
          },
        });
      }) as typeof db.prepare);
      try {
        await read();
      } finally {
        spy.mockRestore();
      }
      return run
        .filter(({ sql }) => sql.startsWith('SELECT doc'))
        .map(({ sql, params }) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail));
    };

    const timelineSpec = (scalarFields?: string[]) => ({
      name: 'entries',
      indexes: [{ fields: { customerId: 1 as const, at: -1 as const, pos: -1 as const, _id: 1 as const } }],
      ...(scalarFields ? { scalarFields } : {}),
    });
    const timelinePage = () =>
      store.collection('entries').findPage({ customerId: 'c1', type: { $in: ['comment', 'temperature'] }, 'actor.kind': 'user' }, { sort: { at: -1, pos: -1 }, limit: 50 });

    it('walks the index in order for a timeline page when its fields are declared scalar: no OR, no sort', async () => {
      await store.ensureCollection(timelineSpec(['customerId', 'at', 'pos', 'type', 'actor.kind']));
      await store.collection('entries').bulkWrite([{ op: 'insertOne', doc: { _id: 'e1', customerId: 'c1', at: '2024-01-01', pos: '1', type: 'comment', actor: { kind: 'user' } } }]);
      const [plan] = await plansOf(timelinePage);
      expect(plan).toEqual([expect.stringMatching(/^SEARCH rs_entries USING INDEX rsx_entries__customerId_1_at_-1_pos_-1__id_1 \(<expr>=\?\)$/)]);
      expect((await timelinePage()).items.map((item) => item._id)).toEqual(['e1']);
    });

    it('keeps the array branch, and so sorts, when the same fields are not declared', async () => {
      await store.ensureCollection(timelineSpec());
      const [plan] = await plansOf(timelinePage);
      expect(plan.join('\n')).toMatch(/MULTI-INDEX OR/);
      expect(plan.join('\n')).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    });

    it('answers _id conditions from the primary key', async () => {
      await store.ensureCollection({ name: 'visits' });
      const plan = planFor('visits', { _id: 'v1' });
      expect(plan.some((detail) => /^SEARCH rs_visits USING INDEX sqlite_autoindex/.test(detail))).toBe(true);
    });
  });
});
