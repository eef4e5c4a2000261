/**
 * The writer thread of a file event store (docs/adr/0022-sqlite-event-store-commits-on-a-writer-thread.md):
 * its own connection to the file, the same AppendWriter as an in-thread commit, one group per
 * message. Only the wiring to the main thread is here. Relative imports only: under Jest this file
 * runs through ts-node, which does not know the @trilha/* aliases.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppendWriter } from './append-writer';
import { toCrossingError } from './crossing-errors';
import { openEventsDatabase } from './sqlite-schema';
import type { FromWriter, ToWriter, WriterData } from './writer-protocol';

const port = parentPort!;
const db = openEventsDatabase((workerData as WriterData).path);
const writer = new AppendWriter(db);

port.on('message', (message: ToWriter) => {
  if (message.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let answer: FromWriter;
  try {
    const outcomes = writer.commit(message.requests).map((outcome) =>
      outcome.ok ? outcome : { ok: false as const, error: toCrossingError(outcome.error) },
    );
    answer = { kind: 'committed', id: message.id, outcomes };
  } catch (error) {
    answer = { kind: 'failed', id: message.id, error: toCrossingError(error) };
  }
  port.postMessage(answer);
});
