import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionToString, SqliteEventStore } from '@trilha/event-store';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import { appendThings } from './support/events';
import { readModel, storedCheckpoint } from './support/read-model';
import { streamStatsProjection } from './support/stream-stats.projection';

const EVENTS = 20_000;
const BATCH_SIZE = 20;
const CHILD = join(__dirname, 'support', 'run-projection-child.ts');
const ROOT = join(__dirname, '..', '..', '..');

function startChild(eventsFile: string, readFile: string): ChildProcess {
  return fork(CHILD, [eventsFile, readFile, String(BATCH_SIZE)], {
    cwd: ROOT,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The checkpoint as another process sees it in the read-store file, read through one store kept
 * open while the child runs: a poll costs a query, not a store's start and close, so the kill
 * follows the checkpoint closely however fast the child commits. The child does not stop
 * between batches, so the kill lands wherever it is: inside a commit or between two.
 */
async function checkpointOf(store: SqliteReadStore): Promise<bigint> {
  try {
    return BigInt((await storedCheckpoint(store, 'stream-stats', 1)) ?? '0');
  } catch {
    return 0n; // the child has not created the checkpoints yet
  }
}

describe('a projection process killed part-way', () => {
  let dir: string;
  let children: ChildProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trilha-crash-'));
  });
  afterEach(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes from its checkpoint and ends with the read model of an uninterrupted run', async () => {
    const eventsFile = join(dir, 'events.db');
    const crashedFile = join(dir, 'read-crashed.db');
    const referenceFile = join(dir, 'read-reference.db');
    const eventStore = new SqliteEventStore(eventsFile);
    const last = await appendThings(eventStore, EVENTS, { streams: 1000, perAppend: 50 });
    await eventStore.close();

    // Killed twice: as soon as a first batch is in, then past half-way.
    let killedAt = 0n;
    for (const killPast of [0n, last.commit / 2n]) {
      const child = startChild(eventsFile, crashedFile);
      children.push(child);
      const watcher = new SqliteReadStore(crashedFile);
      let checkpoint: bigint;
      try {
        while ((await checkpointOf(watcher)) <= killPast) {
          if (child.exitCode !== null) throw new Error(`the child ended before it was killed (exit ${child.exitCode})`);
          await sleep(1);
        }
        child.kill('SIGKILL');
        expect(await exited(child)).toEqual({ code: null, signal: 'SIGKILL' });
        checkpoint = await checkpointOf(watcher);
      } finally {
        await watcher.close();
      }
      expect(checkpoint).toBeGreaterThan(killedAt);
      // Part-way: the premise of the test, not luck.
      expect(checkpoint).toBeLessThan(last.commit);
      killedAt = checkpoint;
    }

    const resumed = startChild(eventsFile, crashedFile);
    children.push(resumed);
    const reference = startChild(eventsFile, referenceFile);
    children.push(reference);
    expect(await exited(resumed)).toEqual({ code: 0, signal: null });
    expect(await exited(reference)).toEqual({ code: 0, signal: null });

    const crashed = new SqliteReadStore(crashedFile);
    const uninterrupted = new SqliteReadStore(referenceFile);
    try {
      const definition = streamStatsProjection();
      expect(await storedCheckpoint(crashed, definition.name, 1)).toBe(positionToString(last));
      const model = await readModel(crashed, definition, 1);
      expect(model.events_seen).toHaveLength(EVENTS);
      expect(model).toEqual(await readModel(uninterrupted, definition, 1));
    } finally {
      await crashed.close();
      await uninterrupted.close();
    }
  }, 180_000);
});
