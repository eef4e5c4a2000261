import { addDays, daysBetween } from '@trilha/projections/calendar-days';
import { localDay } from '@trilha/projections/local-day';

/** Calendar dates are `YYYY-MM-DD` (API.md), compared as text. */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === value;
}

/** Day arithmetic on `YYYY-MM-DD`, shared with the read models' deadlines. */
export { addDays, daysBetween };

/** The date an instant falls on in `timeZone`. */
export function localDateOf(instant: string, timeZone: string): string {
  return localDay(instant, timeZone);
}

/**
 * UTC bounds that surely contain every instant of the local days `from`…`to` in any time zone
 * (offsets stay within −12 h … +14 h); the exact day is then checked with `localDateOf`.
 */
export function utcWindow(from: string, to: string): { $gte: string; $lt: string } {
  return { $gte: `${addDays(from, -1)}T00:00:00.000Z`, $lt: `${addDays(to, 2)}T00:00:00.000Z` };
}
