import { comparePositions, parsePosition } from '@trilha/event-store';

/** The later of two answered positions: a client waiting for it sees both writes. */
export function laterPosition(a: string | null, b: string | null): string | null {
  const pa = a === null ? undefined : parsePosition(a);
  const pb = b === null ? undefined : parsePosition(b);
  if (!pa) return b;
  if (!pb) return a;
  return comparePositions(pa, pb) >= 0 ? a : b;
}
