import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v4 as uuid } from 'uuid';
import { ConcurrencyError, SqliteEventStore, type AppendResult, type EventData } from '@trilha/event-store';
import { toAppendRequest } from '@trilha/event-store/sqlite/append-writer';
import { GroupCommit } from '@trilha/event-store/sqlite/group-commit';
import { WorkerCommitter, WriterStoppedError } from '@trilha/event-store/sqlite/worker-committer';

const ROOT = join(__dirname, '..', '..', '..');
const event = (data: Record<string, unknown> = {}): EventData => ({ id: uuid(), type: 'Tested', data });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A file store commits on its writer thread (ADR 0022); callers see what an in-thread commit answers. */
describe('SqliteEventStore writer thread', () => {
  let dir: string;
  let file: string;
  const stores: SqliteEventStore[] = [];
  const openStore = () => {
    const store = new SqliteEventStore(file);
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trilha-writer-'));
    file = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each append of a group on its own: one with a stale revision fails, the others commit in order', async () => {
    const store = openStore();
    const [a, b, c, other] = [event(), event(), event(), event()];
    const settled = await Promise.allSettled([
      store.append('s', [a], 'noStream'),
      store.append('s', [b], 0n),
      store.append('s', [event()], 5n),
      store.append('s', [c], 1n),
      store.append('t', [other], 'noStream'),
    ]);

    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const results = settled.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled').map((o) => o.value);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([0n, 1n, 2n, 0n]);
    expect(results.map((r) => r.position.commit)).toEqual([1n, 2n, 3n, 4n]);
    expect((await store.readStream('s')).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    expect((await store.readStream('t')).map((e) => e.id)).toEqual([other.id]);
  });

  it('rebuilds the errors of the writer thread as the classes and fields an in-thread commit throws', async () => {
    const store = openStore();
    const stored = event();
    await store.append('s', [stored], 'noStream');
    const repeated = event();
    const settled = await Promise.allSettled([
      store.append('s', [event()], 'noStream'),
      store.append('t', [event(), stored], 'noStream'),
      store.append('u', [repeated, repeated], 'noStream'),
      store.append('v', [event({ amount: 1n })], 'noStream'),
    ]);
    const [stale, clash, twice, unserializable] = settled.map((outcome) => (outcome as PromiseRejectedResult).reason as Error);

    expect(stale).toBeInstanceOf(ConcurrencyError);
    expect(stale).toMatchObject({ name: 'ConcurrencyError', streamId: 's', expected: 'noStream', actual: 0n });
    expect(stale.message).toBe('Stream s: expected revision noStream, actual 0');
    expect(clash.constructor).toBe(Error);
    expect(clash.message).toBe(`Event id ${stored.id} is already stored`);
    expect(twice.constructor).toBe(Error);
    expect(twice.message).toBe(`Event id ${repeated.id} appears twice in the batch`);
    expect(unserializable).toBeInstanceOf(TypeError);
    expect((await store.readAll()).map((e) => e.id)).toEqual([stored.id]);
  });

  it('fails a whole group with the SqliteError of its transaction, as better-sqlite3 throws it', async () => {
    const store = openStore();
    await store.append('s', [event()], 'noStream');
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE'); // holds the write lock past the writer's busy timeout (5 s)
    try {
      const settled = await Promise.allSettled([store.append('s', [event()], 0n), store.append('t', [event()], 'noStream')]);
      for (const outcome of settled) {
        const reason = (outcome as PromiseRejectedResult).reason as { code?: string };
        expect(reason).toBeInstanceOf(Database.SqliteError);
        expect(reason.code).toBe('SQLITE_BUSY');
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.append('t', [event()], 'noStream')).toMatchObject({ nextExpectedRevision: 0n });
  }, 20_000);

  it('commits on close the group in flight and the appends queued behind it, then refuses appends', async () => {
    const store = openStore();
    const first = Array.from({ length: 20 }, (_, i) => store.append(`first-${i}`, [event()], 'noStream'));
    await nextTurn(); // the first group is on its way to the writer thread
    const queued = Array.from({ length: 20 }, (_, i) => store.append(`queued-${i}`, [event()], 'noStream'));
    await store.close();

    expect(await Promise.all([...first, ...queued])).toHaveLength(40);
    await expect(store.append('late', [event()], 'noStream')).rejects.toThrow('The event store is closed');
    const reopened = openStore();
    expect(await reopened.readAll()).toHaveLength(40);
  });

  it('keeps the process alive until close() has stopped the writer thread', () => {
    const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'support', 'append-then-close.ts'), file], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      encoding: 'utf8',
    });
    expect(output).toBe('closed\n');
  });

  it('keeps the write lock between stores on one file: of two appends expecting no stream, one wins', async () => {
    const [one, other] = [openStore(), openStore()];
    const streams = Array.from({ length: 30 }, (_, i) => `race-${i}`);
    const settled = await Promise.allSettled(
      streams.flatMap((stream) => [one.append(stream, [event()], 'noStream'), other.append(stream, [event()], 'noStream')]),
    );

    for (let i = 0; i < streams.length; i++) {
      const pair = settled.slice(2 * i, 2 * i + 2);
      expect(pair.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(pair.filter((o) => o.status === 'rejected' && o.reason instanceof ConcurrencyError)).toHaveLength(1);
      expect(await one.readStream(streams[i])).toHaveLength(1);
    }
  });

  it('checks the expected revision after a write another connection made while holding the lock', async () => {
    const store = openStore();
    await store.append('elsewhere', [event()], 'noStream'); // the writer thread is up
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other
      .prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, 0, ?, ?, ?, ?, ?)')
      .run('s', uuid(), 'Tested', '{}', '{}', new Date().toISOString());
    const append = store.append('s', [event()], 'noStream');
    await new Promise((resolve) => setTimeout(resolve, 50)); // the append waits for the lock meanwhile
    other.exec('COMMIT');
    other.close();

    await expect(append).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream('s')).toHaveLength(1);
  });
});

describe('WorkerCommitter, when its thread stops unasked', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trilha-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const request = (stream: string) => toAppendRequest(stream, [event()], 'noStream');

  it('rejects the appends in flight and every later one when the thread is terminated', async () => {
    const file = join(dir, 'events.db');
    await new SqliteEventStore(file).close(); // creates the file
    const committer = new WorkerCommitter(file);
    const appends = new GroupCommit((requests: ReturnType<typeof request>[]) => committer.commit(requests));
    const pending = [appends.submit(request('a')), appends.submit(request('b'))];
    await nextTurn(); // the group is sent, which starts the thread
    await committer.thread!.terminate();

    for (const append of pending) await expect(append).rejects.toBeInstanceOf(WriterStoppedError);
    await expect(pending[0]).rejects.toThrow(/writer thread stopped .*may or may not be stored/);
    await expect(appends.submit(request('c'))).rejects.toBeInstanceOf(WriterStoppedError);
    await committer.close();
  });

  it('rejects the appends with the cause when the thread cannot open the file', async () => {
    const committer = new WorkerCommitter(join(dir, 'missing-folder', 'events.db'));
    const failed = committer.commit([request('a')]);

    await expect(failed).rejects.toBeInstanceOf(WriterStoppedError);
    await expect(failed).rejects.toThrow(/Cannot open database because the directory does not exist/);
    await committer.close();
  });
});
