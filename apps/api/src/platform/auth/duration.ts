const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a duration given as seconds or as `<n>s|m|h|d` (`'15m'`, `'12h'`, `'7d'`). */
export function durationInSeconds(duration: number | string): number {
  if (typeof duration === 'number') {
    if (!Number.isInteger(duration) || duration <= 0) throw new Error(`A duration must be a positive whole number of seconds, got ${duration}`);
    return duration;
  }
  const match = /^(\d+)([smhd])$/.exec(duration.trim());
  if (!match || Number(match[1]) <= 0) throw new Error(`A duration looks like 30s, 15m, 12h or 7d, got "${duration}"`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}
