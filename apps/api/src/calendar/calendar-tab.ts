import type { CalendarActionKind } from '@trilha/projections/calendar';

/**
 * Seed 004's tabs of a day (CAL3): orders (follow-ups of product sales), services, follow-ups
 * (booked by hand, and the opportunities added from the calendar, CAL6), birthdays, and done, where an action goes once it is done whatever its
 * kind. Orders and birthdays come from automatic follow-ups (CAL1), which no event produces yet.
 */
export const CALENDAR_TABS = ['orders', 'services', 'follow_up', 'birthday', 'done'] as const;
export type CalendarTab = (typeof CALENDAR_TABS)[number];

const TAB_OF_KIND: Record<CalendarActionKind, CalendarTab> = {
  service: 'services',
  visit: 'follow_up',
  follow_up: 'follow_up',
  task: 'follow_up',
  reminder: 'follow_up',
  opportunity: 'follow_up',
};

export function calendarTabOf(kind: CalendarActionKind, done: boolean): CalendarTab {
  return done ? 'done' : TAB_OF_KIND[kind];
}

/** How many of the day's actions each tab holds, every tab present. */
export function tabCounts(tabs: readonly CalendarTab[]): Record<CalendarTab, number> {
  const counts = Object.fromEntries(CALENDAR_TABS.map((tab) => [tab, 0])) as Record<CalendarTab, number>;
  for (const tab of tabs) counts[tab] += 1;
  return counts;
}
