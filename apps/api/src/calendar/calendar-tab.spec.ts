import { APPOINTMENT_KINDS } from '@trilha/domain';
import { CALENDAR_TABS, calendarTabOf, tabCounts } from './calendar-tab';

describe('calendar tabs (CAL3)', () => {
  it('puts services under services and what is booked by hand under follow-up, until done', () => {
    expect(APPOINTMENT_KINDS.map((kind) => calendarTabOf(kind, false))).toEqual(['services', 'follow_up', 'follow_up', 'follow_up', 'follow_up']);
  });

  it('puts an opportunity added from the calendar (CAL6) under follow-up until done, then under done', () => {
    expect(calendarTabOf('opportunity', false)).toBe('follow_up');
    expect(calendarTabOf('opportunity', true)).toBe('done');
  });

  it('moves every done action to done, whatever its kind', () => {
    expect(new Set(APPOINTMENT_KINDS.map((kind) => calendarTabOf(kind, true)))).toEqual(new Set(['done']));
  });

  it('counts every tab, empty ones included', () => {
    expect(tabCounts(['services', 'done', 'services'])).toEqual({ orders: 0, services: 2, follow_up: 0, birthday: 0, done: 1 });
    expect(Object.keys(tabCounts([]))).toEqual([...CALENDAR_TABS]);
  });
});
