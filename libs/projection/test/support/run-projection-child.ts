/**
 * Runs the stream-stats projection on SQLite files until it is up to date, then exits 0.
 * Started by crash-recovery.spec.ts as its own process, so that it can be killed mid-run:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register run-projection-child.ts \
 *     <events.db> <read.db> <batchSize>
 */
import { SqliteEventStore } from '@trilha/event-store';
import { ProjectionRunner, prepareProjection } from '@trilha/projection';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import { streamStatsProjection } from './stream-stats.projection';

async function main(): Promise<number> {
  const [eventsFile, readFile, batchSize] = process.argv.slice(2);
  const eventStore = new SqliteEventStore(eventsFile);
  const readStore = new SqliteReadStore(readFile);
  const definition = streamStatsProjection();
  const entry = await prepareProjection(readStore, definition);
  const runner = new ProjectionRunner({ eventStore, readStore, definition, generation: entry.activeGeneration, batchSize: Number(batchSize) });
  await runner.start();
  const upToDate = await runner.whenUpToDate();
  await runner.stop();
  await eventStore.close();
  await readStore.close();
  return upToDate && runner.status === 'stopped' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
