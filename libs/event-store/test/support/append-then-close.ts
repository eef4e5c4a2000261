/**
 * Started by sqlite-writer-thread.spec.ts as its own process:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register append-then-close.ts <events.db>
 * Appends, closes the store, then says so: the process must not end while close() waits for
 * the writer thread, with nothing else keeping it alive.
 */
import { SqliteEventStore } from '@trilha/event-store';

async function main(): Promise<void> {
  const store = new SqliteEventStore(process.argv[2]);
  await store.append('s', [{ id: 'e', type: 'Tested', data: {} }], 'noStream');
  await store.close();
  process.stdout.write('closed\n');
}

void main();
