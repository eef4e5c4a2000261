import { countsAsDone, type AppointmentActionDocument, type CalendarActionDocument } from '@trilha/projections/calendar';
import { localDateOf } from './calendar-date';

export type DayColor = 'green' | 'orange' | 'red';

export interface DaySummary {
  date: string;
  total: number;
  done: number;
  color: DayColor;
}

/** Seed 004: green = all of the day's actions done, orange = some, red = none. */
export function dayColor(total: number, done: number): DayColor {
  if (done >= total) return 'green';
  return done > 0 ? 'orange' : 'red';
}

/** One summary per local day that has at least one action, in date order. */
export function summarizeDays(actions: Pick<AppointmentActionDocument, 'scheduledFor' | 'status'>[], timeZone: string): DaySummary[] {
  return summarizeDatedDays(actions.map((action) => ({ action, date: localDateOf(action.scheduledFor, timeZone) })));
}

/** `summarizeDays` of actions whose local dates are already known. */
export function summarizeDatedDays(dated: Array<{ action: Pick<CalendarActionDocument, 'status'>; date: string }>): DaySummary[] {
  const days = new Map<string, { total: number; done: number }>();
  for (const { action, date } of dated) {
    const day = days.get(date) ?? { total: 0, done: 0 };
    day.total += 1;
    if (countsAsDone(action.status)) day.done += 1;
    days.set(date, day);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, { total, done }]) => ({ date, total, done, color: dayColor(total, done) }));
}
