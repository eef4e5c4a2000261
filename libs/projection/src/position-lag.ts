import type { Position } from '@trilha/event-store';

/**
 * How far a checkpoint is behind the head, in commit positions (on SQLite that is a count of
 * events; on EventStoreDB a distance in the log). 0 when the head is not ahead.
 */
export function positionLag(head: Position | undefined, checkpoint: Position | undefined): number {
  if (!head) return 0;
  const diff = head.commit - (checkpoint?.commit ?? 0n);
  return diff > 0n ? Number(diff) : 0;
}
