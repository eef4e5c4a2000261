import type { AnyBulkWriteOperation, Document as MongoDocument } from 'mongodb';
import { guardFilter, guardReplacement, guardUpdate } from '../query';
import type { CollectionWrite, WriteOp } from '../read-store.port';

/** Consecutive writes to one collection, sent as one ordered bulkWrite. */
export interface BulkStep {
  kind: 'bulk';
  collection: string;
  operations: AnyBulkWriteOperation<MongoDocument>[];
}

/**
 * A guarded upsert: it takes several round trips (see MongoWriteRunner), so it cannot join
 * a bulkWrite.
 */
export interface GuardedUpsertStep {
  kind: 'guarded-upsert';
  collection: string;
  write: Extract<WriteOp, { op: 'updateOne' | 'replaceOne' }> & { positionGuard: string };
}

export type WriteStep = BulkStep | GuardedUpsertStep;

/** Splits validated writes into steps, keeping their order. */
export function planWrites(writes: CollectionWrite[]): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const { collection, write } of writes) {
    if ((write.op === 'updateOne' || write.op === 'replaceOne') && write.upsert && write.positionGuard !== undefined) {
      steps.push({ kind: 'guarded-upsert', collection, write: { ...write, positionGuard: write.positionGuard } });
      continue;
    }
    const last = steps[steps.length - 1];
    const operation = toBulkOperation(write);
    if (last?.kind === 'bulk' && last.collection === collection) last.operations.push(operation);
    else steps.push({ kind: 'bulk', collection, operations: [operation] });
  }
  return steps;
}

/** The driver operation for a write; guarded writes get the `_pos` condition and `$set`. */
export function toBulkOperation(write: WriteOp): AnyBulkWriteOperation<MongoDocument> {
  switch (write.op) {
    case 'insertOne':
      // The driver sets `_id` on documents that lack one; copying keeps the caller's object intact.
      return { insertOne: { document: { ...write.doc } as MongoDocument } };
    case 'updateOne': {
      const guard = write.positionGuard;
      return {
        updateOne: {
          filter: guard === undefined ? write.filter : guardFilter(write.filter, guard),
          update: guard === undefined ? write.update : guardUpdate(write.update, guard),
          upsert: write.upsert ?? false,
        },
      };
    }
    case 'replaceOne': {
      const guard = write.positionGuard;
      return {
        replaceOne: {
          filter: guard === undefined ? write.filter : guardFilter(write.filter, guard),
          replacement: guard === undefined ? { ...write.replacement } : guardReplacement(write.replacement, guard),
          upsert: write.upsert ?? false,
        },
      };
    }
    case 'updateMany':
      return { updateMany: { filter: write.filter, update: write.update } };
    case 'deleteOne':
      return { deleteOne: { filter: write.filter } };
    case 'deleteMany':
      return { deleteMany: { filter: write.filter } };
  }
}
