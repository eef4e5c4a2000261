import { UnsupportedQueryError } from '../errors';
import type { CollectionWrite, WriteOp } from '../read-store.port';
import { assertCollectionName } from './collection-name';
import { isPlainObject } from './json-value';
import { assertSupportedGuard } from './position-guard';
import { upsertId } from './upsert-seed';
import { assertSupportedFilter } from './validate-filter';
import { assertSupportedDocument, assertSupportedUpdate } from './validate-update';

/** Validates a whole unit of work before any of it is applied. */
export function assertSupportedWrites(writes: CollectionWrite[]): void {
  if (!Array.isArray(writes)) throw new UnsupportedQueryError('writes must be an array');
  writes.forEach(({ collection, write }, i) => {
    assertCollectionName(collection);
    assertSupportedWrite(write, `writes[${i}]`);
  });
}

export function assertSupportedWrite(write: WriteOp, where = 'write'): void {
  if (!isPlainObject(write)) throw new UnsupportedQueryError(`${where} must be a plain object`);
  switch (write.op) {
    case 'insertOne':
      assertSupportedDocument(write.doc, `${where}.doc`);
      return;
    case 'replaceOne':
      assertSupportedFilter(write.filter, `${where}.filter`);
      assertSupportedDocument(write.replacement, `${where}.replacement`);
      if (write.positionGuard !== undefined) assertSupportedGuard(write.positionGuard);
      return;
    case 'updateOne':
      assertSupportedFilter(write.filter, `${where}.filter`);
      assertSupportedUpdate(write.update, `${where}.update`);
      if (write.positionGuard !== undefined) assertSupportedGuard(write.positionGuard, write.update);
      if (write.upsert && upsertId(write.filter, write.update) === undefined) {
        throw new UnsupportedQueryError(`${where}: an upsert needs an _id, by equality in the filter or in $setOnInsert`);
      }
      return;
    case 'updateMany':
      assertSupportedFilter(write.filter, `${where}.filter`);
      assertSupportedUpdate(write.update, `${where}.update`);
      return;
    case 'deleteOne':
    case 'deleteMany':
      assertSupportedFilter(write.filter, `${where}.filter`);
      return;
    default:
      throw new UnsupportedQueryError(`${where}: unknown op '${(write as { op: unknown }).op}'`);
  }
}
