import type { Db, Document as MongoDocument, Filter as MongoFilter } from 'mongodb';
import { assertFindOptions, assertSupportedFilter, effectiveSort, findPageUsing, sortObject } from '../query';
import type { Collection, Document, Filter, FindOptions, Page, PageOptions, WriteOp } from '../read-store.port';

/** Filters are validated against the subset, then handed to the driver unchanged. */
export class MongoCollection<T extends Document> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly db: Db,
    private readonly commit: (writes: Array<{ collection: string; write: WriteOp }>) => Promise<void>,
  ) {}

  async findOne(filter: Filter): Promise<T | null> {
    assertSupportedFilter(filter);
    return (await this.target().findOne(asMongo(filter))) as T | null;
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    assertSupportedFilter(filter);
    assertFindOptions(options);
    const cursor = this.target().find(
      asMongo(filter),
      options?.anyOrder ? {} : { sort: sortObject(effectiveSort(options?.sort)), limit: options?.limit ?? 0, skip: options?.skip ?? 0 },
    );
    return (await cursor.toArray()) as unknown as T[];
  }

  async findPage(filter: Filter, options?: PageOptions): Promise<Page<T>> {
    assertSupportedFilter(filter);
    return findPageUsing((f, o) => this.find(f, o), filter, options);
  }

  async count(filter: Filter = {}): Promise<number> {
    assertSupportedFilter(filter);
    return this.target().countDocuments(asMongo(filter));
  }

  bulkWrite(ops: WriteOp[]): Promise<void> {
    return this.commit(ops.map((write) => ({ collection: this.name, write })));
  }

  private target() {
    return this.db.collection<MongoDocument>(this.name);
  }
}

function asMongo(filter: Filter): MongoFilter<MongoDocument> {
  return filter as MongoFilter<MongoDocument>;
}
