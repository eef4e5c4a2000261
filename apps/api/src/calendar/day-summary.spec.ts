import type { AppointmentStatus } from '@trilha/domain';
import { dayColor, summarizeDatedDays, summarizeDays } from './day-summary';

const at = (scheduledFor: string, status: AppointmentStatus) => ({ scheduledFor, status });

describe('day summaries (CAL2)', () => {
  it('colors a day red when none, orange when some and green when all of its actions are done', () => {
    const actions = [
      // 2026-03-09: nothing done
      at('2026-03-09T12:00:00.000Z', 'scheduled'),
      at('2026-03-09T15:00:00.000Z', 'scheduled'),
      // 2026-03-10: one of three done
      at('2026-03-10T12:00:00.000Z', 'lost'),
      at('2026-03-10T13:00:00.000Z', 'scheduled'),
      at('2026-03-10T14:00:00.000Z', 'scheduled'),
      // 2026-03-11: all done, each way of being done
      at('2026-03-11T12:00:00.000Z', 'confirmed'),
      at('2026-03-11T13:00:00.000Z', 'success'),
      at('2026-03-11T14:00:00.000Z', 'lost'),
    ];
    expect(summarizeDays(actions, 'America/Sao_Paulo')).toEqual([
      { date: '2026-03-09', total: 2, done: 0, color: 'red' },
      { date: '2026-03-10', total: 3, done: 1, color: 'orange' },
      { date: '2026-03-11', total: 3, done: 3, color: 'green' },
    ]);
  });

  it('counts a follow-up resolved by call or emailed as done, an open one as not (CAL5)', () => {
    const on = (date: string, status: 'open' | 'resolved_by_call' | 'email_sent') => ({ action: { status }, date });
    expect(summarizeDatedDays([on('2026-03-10', 'open'), on('2026-03-10', 'resolved_by_call'), on('2026-03-11', 'email_sent')])).toEqual([
      { date: '2026-03-10', total: 2, done: 1, color: 'orange' },
      { date: '2026-03-11', total: 1, done: 1, color: 'green' },
    ]);
  });

  it('puts an action on the day of its instant in the time zone', () => {
    const lateEvening = at('2026-03-11T01:30:00.000Z', 'scheduled');
    expect(summarizeDays([lateEvening], 'America/Sao_Paulo').map((d) => d.date)).toEqual(['2026-03-10']);
    expect(summarizeDays([lateEvening], 'UTC').map((d) => d.date)).toEqual(['2026-03-11']);
  });

  it('lists days in date order whatever the order of the actions', () => {
    const days = summarizeDays([at('2026-04-02T12:00:00.000Z', 'scheduled'), at('2026-03-30T12:00:00.000Z', 'success')], 'UTC');
    expect(days.map((d) => d.date)).toEqual(['2026-03-30', '2026-04-02']);
  });

  it('has no day without actions', () => {
    expect(summarizeDays([], 'UTC')).toEqual([]);
  });

  it.each([
    [1, 0, 'red'],
    [5, 1, 'orange'],
    [5, 4, 'orange'],
    [5, 5, 'green'],
  ] as const)('%i actions, %i done: %s', (total, done, color) => {
    expect(dayColor(total, done)).toBe(color);
  });
});
