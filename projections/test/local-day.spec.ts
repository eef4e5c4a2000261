import { localDay } from '@trilha/projections/local-day';

/** The reference: Intl's own reading of the instant's date in the zone. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlDay(instant: Date, timeZone: string): string {
  if (!formats.has(timeZone)) formats.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  const parts = formats.get(timeZone)!.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const ZONES = ['UTC', 'America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/St_Johns'];

describe('localDay: the date of an instant in a time zone', () => {
  it('agrees with Intl every 7 minutes 13 seconds over years with DST changes, in zones of odd offsets', () => {
    const step = (7 * 60 + 13) * 1000;
    const disagreements: string[] = [];
    for (const zone of ZONES) {
      // São Paulo had DST until 2019 (ending at midnight); Apia skipped a whole day in 2011.
      for (const [from, to] of [
        [Date.UTC(2011, 11, 28), Date.UTC(2012, 0, 3)],
        [Date.UTC(2018, 9, 30), Date.UTC(2018, 10, 8)],
        [Date.UTC(2019, 1, 14), Date.UTC(2019, 1, 19)],
        [Date.UTC(2026, 2, 6), Date.UTC(2026, 3, 8)],
        [Date.UTC(2026, 9, 20), Date.UTC(2026, 10, 5)],
      ]) {
        for (let ms = from; ms < to; ms += step) {
          const instant = new Date(ms);
          const [ours, intl] = [localDay(instant, zone), intlDay(instant, zone)];
          if (ours !== intl) disagreements.push(`${zone} ${instant.toISOString()}: ${ours}, Intl ${intl}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('reads ISO strings and Dates alike, at the last and first millisecond of a day', () => {
    expect(localDay('2026-03-10T02:59:59.999Z', 'America/Sao_Paulo')).toBe('2026-03-09');
    expect(localDay(new Date('2026-03-10T03:00:00.000Z'), 'America/Sao_Paulo')).toBe('2026-03-10');
    expect(localDay('2026-03-09T10:00:00.000Z', 'Pacific/Kiritimati')).toBe('2026-03-10');
  });

  it('answers as Intl does far outside the usual years', () => {
    for (const iso of ['0500-06-01T12:00:00.000Z', '1883-11-18T17:00:00.000Z', '9999-12-31T23:00:00.000Z']) {
      for (const zone of ['America/New_York', 'Asia/Kolkata']) expect(localDay(iso, zone)).toBe(intlDay(new Date(iso), zone));
    }
  });

  it('refuses an invalid instant as Intl does', () => {
    expect(() => localDay('not a date', 'UTC')).toThrow(RangeError);
  });
});
