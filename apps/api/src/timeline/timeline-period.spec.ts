import { isDateOrInstant, isEmptyPeriod, periodBounds, startOfDay } from './timeline-period';

describe('timeline periods', () => {
  it('starts a day at its first instant in the time zone', () => {
    expect(startOfDay('2026-03-10', 'America/Sao_Paulo')).toBe('2026-03-10T03:00:00.000Z');
    expect(startOfDay('2026-03-10', 'UTC')).toBe('2026-03-10T00:00:00.000Z');
    expect(startOfDay('2026-03-10', 'Asia/Kolkata')).toBe('2026-03-09T18:30:00.000Z');
    // New York: the DST change (02:00 on 8 March 2026) falls inside the day, not at its start.
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    // São Paulo's last summer time: 4 Nov 2018 started at 01:00 (midnight skipped); 17 Feb 2019 had two 23:00s before it.
    expect(startOfDay('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z');
    expect(startOfDay('2019-02-17', 'America/Sao_Paulo')).toBe('2019-02-17T03:00:00.000Z');
  });

  it('turns dates into whole days and takes instants as given, both ends inclusive', () => {
    expect(periodBounds({ from: '2026-03-10', to: '2026-03-10' }, 'America/Sao_Paulo')).toEqual({ $gte: '2026-03-10T03:00:00.000Z', $lt: '2026-03-11T03:00:00.000Z' });
    expect(periodBounds({ from: '2026-03-10T12:00:00-03:00', to: '2026-03-10T16:00:00Z' }, 'UTC')).toEqual({ $gte: '2026-03-10T15:00:00.000Z', $lte: '2026-03-10T16:00:00.000Z' });
    expect(periodBounds({ to: '2026-03-10' }, 'UTC')).toEqual({ $lt: '2026-03-11T00:00:00.000Z' });
    expect(periodBounds({}, 'UTC')).toEqual({});
  });

  it('knows an empty period', () => {
    expect(isEmptyPeriod(periodBounds({ from: '2026-03-10', to: '2026-03-10' }, 'UTC'))).toBe(false);
    expect(isEmptyPeriod(periodBounds({ from: '2026-03-11', to: '2026-03-10' }, 'UTC'))).toBe(true);
    expect(isEmptyPeriod(periodBounds({ from: '2026-03-10T12:00:00Z', to: '2026-03-10T12:00:00Z' }, 'UTC'))).toBe(false);
    expect(isEmptyPeriod(periodBounds({ from: '2026-03-10T12:00:00Z', to: '2026-03-10T11:59:59Z' }, 'UTC'))).toBe(true);
  });

  it('accepts dates and instants with an offset only', () => {
    expect(['2026-03-10', '2026-03-10T14:00Z', '2026-03-10T14:00:00.123+05:30'].every(isDateOrInstant)).toBe(true);
    expect(['2026-02-30', '2026-03-10T14:00:00', '10/03/2026', 'yesterday', '', 20260310].some(isDateOrInstant)).toBe(false);
  });
});
