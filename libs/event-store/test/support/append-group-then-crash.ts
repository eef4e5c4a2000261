/**
 * Started by sqlite-group-commit.spec.ts as its own process:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register append-group-then-crash.ts <events.db>
 * Appends a first group and waits for it, then starts a second group of appends in one turn of
 * the event loop. The last append of that group kills the process while its payload is being
 * serialized, that is inside the group's transaction, after the others of the group were written.
 */
import { SqliteEventStore } from '@trilha/event-store';

async function main(): Promise<void> {
  const store = new SqliteEventStore(process.argv[2]);
  await Promise.all(['committed-1', 'committed-2'].map((stream) => store.append(stream, [{ id: `${stream}-e`, type: 'Tested', data: {} }], 'noStream')));
  const killer = { toJSON: () => process.kill(process.pid, 'SIGKILL') };
  const group = ['lost-1', 'lost-2', 'lost-3'].map((stream) => store.append(stream, [{ id: `${stream}-e`, type: 'Tested', data: {} }], 'noStream'));
  group.push(store.append('killer', [{ id: 'killer-e', type: 'Tested', data: { killer } }], 'noStream'));
  await Promise.allSettled(group);
  process.exit(3); // not reached: the kill lands inside the group's transaction
}

void main();
