import { UnsupportedQueryError } from '../errors';
import type { Document, Filter, Update } from '../read-store.port';
import { pathsOverlap } from './field-path';
import { updatedPaths } from './validate-update';

/** The field holding the global position of the last event applied to a document. */
export const POSITION_FIELD = '_pos';

/** Matches `filter` only where `_pos` is absent or lower than `guard`. */
export function guardFilter(filter: Filter, guard: string): Filter {
  const guardClauses = [{ [POSITION_FIELD]: { $exists: false } }, { [POSITION_FIELD]: { $lt: guard } }];
  if (Object.keys(filter).length === 0) return { $or: guardClauses };
  // Keeping the caller's fields at the top level keeps them visible to upsert seeding.
  if (!('$or' in filter)) return { ...filter, $or: guardClauses };
  return { $and: [filter, { $or: guardClauses }] };
}

/**
 * `guardFilter`'s condition checked on a parsed document: `_pos` absent, or a string lower than
 * `guard` (a `$lt` on a string matches strings only, as in MongoDB).
 */
export function isBeforeGuard(doc: Record<string, unknown>, guard: string): boolean {
  if (!(POSITION_FIELD in doc)) return true;
  const pos = doc[POSITION_FIELD];
  return typeof pos === 'string' && pos < guard;
}

/** The update plus `$set: {_pos: guard}`. */
export function guardUpdate(update: Update, guard: string): Update {
  const set = (update.$set as Record<string, unknown> | undefined) ?? {};
  return { ...update, $set: { ...set, [POSITION_FIELD]: guard } };
}

export function guardReplacement<T extends Document>(replacement: T, guard: string): T {
  return { ...replacement, [POSITION_FIELD]: guard };
}

export function assertSupportedGuard(guard: unknown, update?: Update): void {
  if (typeof guard !== 'string' || guard.length === 0) {
    throw new UnsupportedQueryError('positionGuard must be a non-empty string');
  }
  if (update && updatedPaths(update).some((path) => pathsOverlap(path, POSITION_FIELD))) {
    throw new UnsupportedQueryError(`a guarded update may not write ${POSITION_FIELD} itself`);
  }
}
