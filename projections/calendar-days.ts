const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Journey deadlines count whole calendar days of the business's time zone: a customer who
 * entered a step at 23:00 has been in it one day at 00:00.
 */
export { localDay } from './local-day';

/** Calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
