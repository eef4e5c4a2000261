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

    it('answers _id conditions from the primary key', async () => {
      await store.ensureCollection({ name: 'visits' });
      const plan = planFor('visits', { _id: 'v1' });
      expect(plan.some((detail) => /^SEARCH rs_visits USING INDEX sqlite_autoindex/.test(detail))).toBe(true);
    });
  });
});
