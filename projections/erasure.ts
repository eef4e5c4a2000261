import { ERASED_TEXT } from '@trilha/domain';
import type { CollectionWrite, Filter } from '@trilha/read-store';

/**
 * T10: on CustomerDeleted, a projection overwrites the personal values it stored with the same
 * placeholders decryption yields once the key is gone (ADR 0017). Only where a value is set, so
 * that an absent email does not turn into a placeholder. Idempotent: replaying it changes nothing.
 */
export function eraseWhereSet(collection: string, filter: Filter, path: string, placeholder: unknown = ERASED_TEXT): CollectionWrite {
  return { collection, write: { op: 'updateMany', filter: { ...filter, [path]: { $exists: true, $ne: null } }, update: { $set: { [path]: placeholder } } } };
}
