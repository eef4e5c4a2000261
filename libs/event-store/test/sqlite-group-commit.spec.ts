import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuid } from 'uuid';
import { ConcurrencyError, SqliteEventStore, type EventData } from '@trilha/event-store';

const event = (): EventData => ({ id: uuid(), type: 'Tested', data: {} });
const ROOT = join(__dirname, '..', '..', '..');
const CRASHING_CHILD = join(__dirname, 'support', 'append-group-then-crash.ts');

/** The SQLite store commits the appends of one event-loop turn together (ADR 0020). */
describe('SqliteEventStore group commit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trilha-group-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rolls back an append whose batch repeats an id, after its first event was written, and keeps its neighbours', async () => {
    const store = new SqliteEventStore(':memory:');
    const repeated = event();
    const [before, after] = [[event()], [event(), event()]];
    const settled = await Promise.allSettled([
      store.append('before', before, 'noStream'),
      store.append('broken', [repeated, repeated], 'noStream'),
      store.append('after', after, 'noStream'),
    ]);

    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/appears twice/);
    expect(await store.readStream('broken')).toEqual([]);
    expect((await store.readStream('before')).map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect((await store.readStream('after')).map((e) => e.id)).toEqual(after.map((e) => e.id));
    // Positions stay gapless in global order: the rolled-back rows left no hole behind.
    expect((await store.readAll()).map((e) => e.position.commit)).toEqual([1n, 2n, 3n]);
    await store.close();
  });

  it('refuses an append reusing an id stored in another stream, without failing the appends beside it', async () => {
    const store = new SqliteEventStore(':memory:');
    const stored = event();
    await store.append('taken', [stored], 'noStream');
    const fresh = [event(), event()];
    const settled = await Promise.allSettled([store.append('clashing', [event(), stored], 'noStream'), store.append('other', fresh, 'noStream')]);

    expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/already stored/);
    expect(settled[1].status).toBe('fulfilled');
    expect(await store.readStream('clashing')).toEqual([]);
    expect((await store.readStream('other')).map((e) => e.id)).toEqual(fresh.map((e) => e.id));
    await store.close();
  });

  it('chains appends made in one turn in the order they were made', async () => {
    const store = new SqliteEventStore(':memory:');
    const [a, b, c] = [event(), event(), event()];
    const results = await Promise.all([store.append('s', [a], 'noStream'), store.append('s', [b], 0n), store.append('s', [c], 1n)]);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([0n, 1n, 2n]);
    await expect(store.append('s', [event()], 1n)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream('s')).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    await store.close();
  });

  it('commits the appends still queued when the store is closed', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore(file);
    const pending = store.append('queued', [event()], 'noStream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const reopened = new SqliteEventStore(file);
    expect(await reopened.readStream('queued')).toHaveLength(1);
    await reopened.close();
  });

  it('leaves nothing of a group whose process was killed inside its transaction', async () => {
    const file = join(dir, 'events.db');
    const child = fork(CRASHING_CHILD, [file], {
      cwd: ROOT,
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    expect(exit.signal).toBe('SIGKILL');

    const store = new SqliteEventStore(file);
    const streams = (await store.readAll()).map((e) => e.streamId);
    expect(streams).toEqual(['committed-1', 'committed-2']);
    await store.close();
  }, 60_000);
});
