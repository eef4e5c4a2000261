/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in an IANA time zone, fast enough to run
 * for every card of a board or action of a calendar month at query time.
 *
 * Intl formatting costs microseconds per call. A zone's UTC offset changes only at rare
 * transitions, so the offset is looked up once per zone and UTC hour: when it is the same at the
 * first and last second of that hour, every instant of the hour is shifted by it arithmetically.
 * An hour with a transition inside, or a year outside 1000–9999, takes the Intl path, which
 * stays the reference.
 */
export function localDay(instant: Date | string, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return intlDay(ms, timeZone);
  const offset = hourOffset(Math.floor(ms / HOUR_MS), timeZone);
  const local = offset === null ? NaN : ms + offset;
  if (!(local >= FIRST_FAST_MS && local < END_FAST_MS)) return intlDay(ms, timeZone);
  return new Date(local).toISOString().slice(0, 10);
}

const HOUR_MS = 3_600_000;
const FIRST_FAST_MS = Date.UTC(1000, 0, 1);
const END_FAST_MS = Date.UTC(10000, 0, 1);
/** Hours remembered per zone before the zone's table starts afresh (a bound on memory). */
const MAX_HOURS_PER_ZONE = 50_000;

/** By zone: UTC hour number → the offset in force through the whole hour (ms), or null. */
const offsets = new Map<string, Map<number, number | null>>();

function hourOffset(hour: number, timeZone: string): number | null {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR_MS, timeZone);
    const end = offsetAt((hour + 1) * HOUR_MS - 1, timeZone);
    offset = start === end ? start : null;
    if (zone.size >= MAX_HOURS_PER_ZONE) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/** Local wall-clock time minus UTC at `ms` (to the second), read from Intl. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour') % 24, part('minute'), part('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

function intlDay(ms: number, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}
