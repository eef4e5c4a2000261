/**
 * Started by sqlite-group-commit.spec.ts as its own process:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register append-group-then-crash.ts <events.db>
 * Appends a first group and waits for it, then starts a large second group, which the writer
 * thread commits in one transaction. A connection of its own watches the file's write lock: while
 * it is taken the writer thread is inside the group's transaction. Once the group's rows overflow
 * the page cache into the WAL file (uncommitted frames), the process (both threads) is killed.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@trilha/event-store';

const APPENDS = 400;
const EVENTS_PER_APPEND = 40;
const payload = 'x'.repeat(1000);

async function main(): Promise<void> {
  const file = process.argv[2];
  const store = new SqliteEventStore(file);
  await Promise.all(['committed-1', 'committed-2'].map((stream) => store.append(stream, [{ id: `${stream}-e`, type: 'Tested', data: {} }], 'noStream')));

  const group = Array.from({ length: APPENDS }, (_, i) =>
    store.append(
      `lost-${i}`,
      Array.from({ length: EVENTS_PER_APPEND }, (_, j) => ({ id: `lost-${i}-${j}`, type: 'Tested', data: { payload } })),
      'noStream',
    ),
  );
  // The group is sent to the writer thread on the next turn.
  await new Promise((resolve) => setImmediate(resolve));

  const probe = new Database(file);
  probe.pragma('busy_timeout = 0');
  const walSize = () => statSync(`${file}-wal`).size;
  const walBefore = walSize();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const giveUpAt = Date.now() + 30_000;
  while (Date.now() < giveUpAt) {
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      if (walSize() > walBefore + 1_000_000) process.kill(process.pid, 'SIGKILL');
    }
    // Leave the lock free most of the time, so that the writer thread's busy handler gets it.
    Atomics.wait(pause, 0, 0, 0.2);
  }
  // Not reached: the kill lands inside the group's transaction.
  await Promise.allSettled(group);
  process.exit(3);
}

void main();
