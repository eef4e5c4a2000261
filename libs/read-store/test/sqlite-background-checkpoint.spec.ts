import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@trilha/read-store';

/** Polls until `check` holds or `ms` have passed; returns whether it held. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('SqliteReadStore checkpoints on a thread of its own', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'trilha-checkpoint-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const docs = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ op: 'insertOne' as const, doc: { _id: `d${from + i}`, text: 'x'.repeat(1000) } }));

  it('copies committed pages into the database file while the writing connection only commits', async () => {
    const file = join(dir, 'read-models.sqlite');
    const store = new SqliteReadStore(file);
    const before = statSync(file).size;
    // About 8 MiB of pages: far below the writing connection's own 400 MiB backstop.
    for (let i = 0; i < 8; i++) await store.collection('notes').bulkWrite(docs(i * 1000, 1000));
    expect(await eventually(() => statSync(file).size - before > 8_000_000, 10_000)).toBe(true);
    await store.close();
  });

  it('keeps every document across writes during checkpoints, a close and a reopen', async () => {
    const file = join(dir, 'read-models.sqlite');
    const store = new SqliteReadStore(file);
    for (let i = 0; i < 20; i++) {
      await store.collection('notes').bulkWrite(docs(i * 500, 500));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await store.close();
    const reopened = new SqliteReadStore(file);
    expect(await reopened.collection('notes').count()).toBe(10_000);
    expect(await reopened.collection('notes').findOne({ _id: 'd9999' })).toEqual({ _id: 'd9999', text: 'x'.repeat(1000) });
    await reopened.close();
  });

  it('closes twice without complaint, and an in-memory store starts no thread', async () => {
    const store = new SqliteReadStore(join(dir, 'twice.sqlite'));
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
    const memory = new SqliteReadStore(':memory:');
    await memory.commit([{ collection: 'notes', write: { op: 'insertOne', doc: { _id: 'a' } } }]);
    await memory.close();
  });
});
