import * as path from 'node:path';
import { calendarTimeZoneFrom } from '../calendar/calendar-time-zone';

/** Runtime configuration (API.md "Configuration"), read once from the environment. */
export interface TrilhaConfig {
  port: number;
  dataDir: string;
  jwtSecret?: string;
  eventStoreUrl?: string;
  mongoUrl?: string;
  logLevel: string;
  /** Run the projections inside the api process (embedded mode). */
  runProjections: boolean;
  /** IANA time zone whose days the calendar shows (`TRILHA_TIMEZONE`, ADR 0010). */
  timeZone: string;
  /** Commands (POST/PUT/PATCH/DELETE) one user may send per minute; 0 = unlimited (`TRILHA_COMMAND_RATE_LIMIT`). */
  commandRateLimit: number;
  /** How often the api looks for scheduled lead status changes that fell due (T14); 0 = never (`TRILHA_SCHEDULER_INTERVAL_MS`). */
  schedulerIntervalMs: number;
}

/** Generous for people in a CRM UI and for imports through the API; raise it or set 0 for bulk loads. */
export const DEFAULT_COMMAND_RATE_LIMIT = 1000;

/** A scheduled change happens at most this long after its instant (plus the projection's lag). */
export const DEFAULT_SCHEDULER_INTERVAL_MS = 15_000;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): TrilhaConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const eventStoreUrl = env.EVENTSTORE_URL || undefined;
  const mongoUrl = env.MONGO_URL || undefined;
  return {
    port,
    dataDir: path.resolve(env.TRILHA_DATA_DIR || './data'),
    jwtSecret: env.TRILHA_JWT_SECRET || undefined,
    eventStoreUrl,
    mongoUrl,
    logLevel: env.LOG_LEVEL || 'info',
    runProjections: env.TRILHA_PROJECTIONS ? env.TRILHA_PROJECTIONS !== 'off' : true,
    timeZone: calendarTimeZoneFrom(env),
    commandRateLimit: commandRateLimitFrom(env),
    schedulerIntervalMs: schedulerIntervalFrom(env),
  };
}

function commandRateLimitFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.TRILHA_COMMAND_RATE_LIMIT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_COMMAND_RATE_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new Error(`TRILHA_COMMAND_RATE_LIMIT must be a whole number of commands per minute (0 = no limit), got ${raw}`);
  }
  return limit;
}

function schedulerIntervalFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.TRILHA_SCHEDULER_INTERVAL_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SCHEDULER_INTERVAL_MS;
  const interval = Number(raw);
  if (!Number.isInteger(interval) || interval < 0) {
    throw new Error(`TRILHA_SCHEDULER_INTERVAL_MS must be a whole number of milliseconds (0 = the scheduler does not run), got ${raw}`);
  }
  return interval;
}
