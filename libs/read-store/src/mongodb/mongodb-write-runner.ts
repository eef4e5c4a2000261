import type { ClientSession, Db, Document as MongoDocument, Filter as MongoFilter } from 'mongodb';
import { guardFilter, guardReplacement, guardUpdate, upsertId } from '../query';
import { isDuplicateId, mapMongoError } from './mongodb-errors';
import type { GuardedUpsertStep, WriteStep } from './mongodb-write-plan';

/** Runs planned steps in order, inside `session`'s transaction when one is given. */
export class MongoWriteRunner {
  constructor(private readonly db: Db) {}

  async run(steps: WriteStep[], session?: ClientSession): Promise<void> {
    for (const step of steps) {
      try {
        if (step.kind === 'bulk') {
          await this.db.collection(step.collection).bulkWrite(step.operations, { ordered: true, session });
        } else {
          await this.guardedUpsert(step, session);
        }
      } catch (error) {
        throw mapMongoError(error, step.collection);
      }
    }
  }

  /**
   * 1. Update under the guard. 2. If nothing matched and a document matches the filter (or
   * holds the upsert's _id), it is at or past the guard: done. 3. Otherwise upsert. Step 2
   * keeps a transaction from hitting a duplicate key (which would abort it); outside a
   * transaction a concurrent insert can still win the race, and its duplicate `_id` error
   * means the same thing as step 2.
   */
  private async guardedUpsert({ collection, write }: GuardedUpsertStep, session?: ClientSession): Promise<void> {
    const target = this.db.collection(collection);
    const guard = write.positionGuard;
    const filter = guardFilter(write.filter, guard) as MongoFilter<MongoDocument>;
    const apply = (upsert: boolean) =>
      write.op === 'updateOne'
        ? target.updateOne(filter, guardUpdate(write.update, guard), { upsert, session })
        : target.replaceOne(filter, guardReplacement(write.replacement, guard), { upsert, session });

    if ((await apply(false)).matchedCount > 0) return;
    const id = write.op === 'updateOne' ? upsertId(write.filter, write.update) : write.replacement._id;
    const existing = await target.findOne({ $or: [write.filter, { _id: id }] } as MongoFilter<MongoDocument>, {
      session,
      projection: { _id: 1 },
    });
    if (existing) return;
    try {
      await apply(true);
    } catch (error) {
      if (isDuplicateId(error)) return;
      throw error;
    }
  }
}
