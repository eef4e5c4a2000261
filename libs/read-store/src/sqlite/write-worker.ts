/**
 * The writer thread of a file read store (docs/adr/0028-read-store-commits-on-a-writer-thread.md):
 * its own connection to the file, the same catalogue and writer as an in-thread write, one
 * request per message, in order. Only the wiring to the main thread is here.
 */
import { workerData } from 'node:worker_threads';
import { serveRequests } from '@trilha/worker-thread';
import { assertScalarFieldsKept } from '../query';
import { toCrossingError } from './crossing-errors';
import { SqliteCatalogue } from './sqlite-catalogue';
import { openReadModelsConnection } from './sqlite-connection';
import { SqliteWrites } from './sqlite-writes';
import { StatementCache } from './statement-cache';
import type { WriteAnswer, WriteRequest, WriterData } from './write-protocol';

const { path, walAutocheckpointPages } = workerData as WriterData;
const db = openReadModelsConnection(path, walAutocheckpointPages);
const statements = new StatementCache(db);
const catalogue = new SqliteCatalogue(db, statements);
const writes = new SqliteWrites(db, statements, catalogue);

function apply(request: WriteRequest): void {
  switch (request.kind) {
    case 'commit':
      // The main thread checked the writes against the declarations it knew; one it sent just
      // before (an ensureCollection not awaited) is known only here.
      assertScalarFieldsKept(request.writes, (collection) => writes.scalarFields(collection));
      return writes.commit(request.writes);
    case 'ensureCollection':
      return writes.ensureCollection(request.spec);
    case 'drop':
      return writes.drop(request.name);
  }
}

serveRequests<WriteRequest, WriteAnswer>(
  (request) => {
    try {
      apply(request);
      return { kind: 'done' };
    } catch (error) {
      return { kind: 'failed', error: toCrossingError(error) };
    }
  },
  () => db.close(),
);
