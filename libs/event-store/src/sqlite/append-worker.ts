/**
 * The writer thread of a file event store (docs/adr/0022-sqlite-event-store-commits-on-a-writer-thread.md):
 * its own connection to the file, the same AppendWriter as an in-thread commit, one group per
 * message. Only the wiring to the main thread is here.
 */
import { workerData } from 'node:worker_threads';
import { serveRequests } from '@trilha/worker-thread';
import { AppendWriter } from './append-writer';
import { toCrossingError } from './crossing-errors';
import { openEventsDatabase } from './sqlite-schema';
import type { CommitGroup, GroupAnswer, WriterData } from './writer-protocol';

const db = openEventsDatabase((workerData as WriterData).path);
const writer = new AppendWriter(db);

serveRequests<CommitGroup, GroupAnswer>(
  (message) => {
    try {
      const outcomes = writer.commit(message.requests).map((outcome) =>
        outcome.ok ? outcome : { ok: false as const, error: toCrossingError(outcome.error) },
      );
      return { kind: 'committed', outcomes };
    } catch (error) {
      return { kind: 'failed', error: toCrossingError(error) };
    }
  },
  () => db.close(),
);
