import { Logger } from '@nestjs/common';
import { HealthCheck, HealthCheckResult } from './health-check';

export const HEALTH_CHECK_TIMEOUT_MS = 5000;
const logger = new Logger('Health');

/** Runs the checks side by side; one that throws or hangs counts as failed. */
export function runHealthChecks(checks: HealthCheck[], timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<HealthCheckResult[]> {
  return Promise.all(checks.map((check, index) => runOne(check, check.name || `check-${index + 1}`, timeoutMs)));
}

async function runOne(check: HealthCheck, name: string, timeoutMs: number): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ name, ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch (error) {
    logger.warn(`Health check ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    // The error may hold internal details (hosts, paths) and /health is public.
    return { name, ok: false, detail: 'the check failed with an error' };
  } finally {
    clearTimeout(timer);
  }
}
