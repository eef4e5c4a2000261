import { ConcurrencyError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

/** The revision of a stream's last event, or `noStream` when it has none. */
export type CurrentRevision = bigint | 'noStream';

/** Throws `ConcurrencyError` unless `current` satisfies `expected`. */
export function assertExpectedRevision(streamId: string, expected: ExpectedRevision, current: CurrentRevision): void {
  const ok =
    expected === 'any' ||
    (expected === 'noStream' && current === 'noStream') ||
    (expected === 'streamExists' && current !== 'noStream') ||
    (typeof expected === 'bigint' && current === expected);
  if (!ok) throw new ConcurrencyError(streamId, expected, current);
}
