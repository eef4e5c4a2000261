/** The IANA time zone whose days the calendar shows (ADR 0010). */
export const CALENDAR_TIME_ZONE = Symbol('CalendarTimeZone');
export const DEFAULT_CALENDAR_TIME_ZONE = 'America/Sao_Paulo';

/** `TRILHA_TIMEZONE`, else São Paulo; an unknown zone stops the start rather than shift every day. */
export function calendarTimeZoneFrom(env: NodeJS.ProcessEnv): string {
  const zone = env.TRILHA_TIMEZONE || DEFAULT_CALENDAR_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new Error(`TRILHA_TIMEZONE must be an IANA time zone such as America/Sao_Paulo or UTC, got ${zone}`);
  }
}
