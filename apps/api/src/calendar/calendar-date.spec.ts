import { addDays, daysBetween, isCalendarDate, localDateOf, utcWindow } from './calendar-date';
import { calendarTimeZoneFrom } from './calendar-time-zone';

describe('calendar dates', () => {
  it.each(['2026-03-10', '2024-02-29', '2026-12-31'])('%s is a date', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2026-3-10', '2025-02-29', '2026-13-01', '2026-03-10T00:00:00Z', '10/03/2026', '', 20260310])('%j is not', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('adds days across months and years, and counts them', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-10', '2026-03-10')).toBe(0);
  });

  it('finds the local date of an instant', () => {
    expect(localDateOf('2026-03-10T02:59:59.999Z', 'America/Sao_Paulo')).toBe('2026-03-09');
    expect(localDateOf('2026-03-10T03:00:00.000Z', 'America/Sao_Paulo')).toBe('2026-03-10');
    expect(localDateOf('2026-03-09T10:00:00.000Z', 'Pacific/Kiritimati')).toBe('2026-03-10');
  });

  it('has a UTC window wide enough for the extreme offsets', () => {
    const window = utcWindow('2026-03-10', '2026-03-10');
    const firstInstantOfDayAt14 = '2026-03-09T10:00:00.000Z';
    const lastInstantOfDayAtMinus12 = '2026-03-11T11:59:59.999Z';
    expect(firstInstantOfDayAt14 >= window.$gte && lastInstantOfDayAtMinus12 < window.$lt).toBe(true);
  });
});

describe('calendar time zone', () => {
  it('defaults to São Paulo and accepts any IANA zone', () => {
    expect(calendarTimeZoneFrom({})).toBe('America/Sao_Paulo');
    expect(calendarTimeZoneFrom({ TRILHA_TIMEZONE: 'Europe/Lisbon' })).toBe('Europe/Lisbon');
    expect(calendarTimeZoneFrom({ TRILHA_TIMEZONE: 'UTC' })).toBe('UTC');
  });

  it('refuses an unknown zone', () => {
    expect(() => calendarTimeZoneFrom({ TRILHA_TIMEZONE: 'Mars/Olympus' })).toThrow(/TRILHA_TIMEZONE/);
  });
});
