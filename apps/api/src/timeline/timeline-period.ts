import { normalizeInstant } from '@trilha/domain';
import { addDays, isCalendarDate, localDateOf } from '../calendar/calendar-date';

/** `from`/`to` of a timeline query: a date `YYYY-MM-DD` or an ISO 8601 instant with its offset. */
export function isDateOrInstant(value: unknown): value is string {
  return typeof value === 'string' && (isCalendarDate(value) || normalizeInstant(value) !== undefined);
}

/**
 * The UTC bounds of a period, for comparing with stored `at` instants as text. A date stands
 * for a whole day of `timeZone` (the business's, TRILHA_TIMEZONE): `from` its first instant,
 * `to` up to its last. An instant is taken as is. Both ends are inclusive.
 */
export function periodBounds(period: { from?: string; to?: string }, timeZone: string): { $gte?: string; $lt?: string; $lte?: string } {
  const bounds: { $gte?: string; $lt?: string; $lte?: string } = {};
  if (period.from !== undefined) bounds.$gte = isCalendarDate(period.from) ? startOfDay(period.from, timeZone) : normalizeInstant(period.from);
  if (period.to !== undefined) {
    if (isCalendarDate(period.to)) bounds.$lt = startOfDay(addDays(period.to, 1), timeZone);
    else bounds.$lte = normalizeInstant(period.to);
  }
  return bounds;
}

/** True when the period ends before it starts. */
export function isEmptyPeriod(bounds: { $gte?: string; $lt?: string; $lte?: string }): boolean {
  if (bounds.$gte === undefined) return false;
  if (bounds.$lt !== undefined) return bounds.$lt <= bounds.$gte;
  return bounds.$lte !== undefined && bounds.$lte < bounds.$gte;
}

/** The first instant of `date` in `timeZone`, as UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function startOfDay(date: string, timeZone: string): string {
  const wallClock = Date.parse(`${date}T00:00:00Z`);
  // Midnight under the zone's offset at a first guess, then under the offset at that instant:
  // they differ next to a DST change. Where midnight is skipped, the day starts at 01:00, which
  // only one of the two falls on.
  const first = wallClock - offsetAt(wallClock, timeZone);
  const second = wallClock - offsetAt(first, timeZone);
  const onTheDay = [first, second].filter((time) => localDateOf(new Date(time).toISOString(), timeZone) === date);
  return new Date(onTheDay.length > 0 ? Math.min(...onTheDay) : second).toISOString();
}

/** How far `timeZone`'s wall clock is ahead of UTC at `time` (ms). */
function offsetAt(time: number, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(time));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(time / 1000) * 1000;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}
