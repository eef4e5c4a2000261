import type { Position } from './event-store.port';

export const START_POSITION: Position = { commit: 0n, prepare: 0n };

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Serialized form used in HTTP answers and checkpoints: "<commit>/<prepare>", or "<n>" when equal. */
export function positionToString(p: Position): string {
  return p.commit === p.prepare ? p.commit.toString() : `${p.commit}/${p.prepare}`;
}

export function parsePosition(s: string): Position | undefined {
  const m = /^(\d{1,20})(?:\/(\d{1,20}))?$/.exec(s);
  if (!m) return undefined;
  const commit = BigInt(m[1]);
  return { commit, prepare: m[2] !== undefined ? BigInt(m[2]) : commit };
}

/** Excludes `$`-prefixed system events and applies the optional prefix/type filter. */
export function matchesFilter(
  streamId: string,
  type: string,
  filter?: { streamPrefixes?: string[]; eventTypes?: string[] },
): boolean {
  if (type.startsWith('$') || streamId.startsWith('$')) return false;
  if (filter?.streamPrefixes && !filter.streamPrefixes.some((p) => streamId.startsWith(p))) return false;
  if (filter?.eventTypes && !filter.eventTypes.includes(type)) return false;
  return true;
}

/** A fixed-width string that sorts like the position; stored as `_pos` on projected documents. */
export function positionKey(p: Position): string {
  return `${p.commit.toString().padStart(20, '0')}/${p.prepare.toString().padStart(20, '0')}`;
}
