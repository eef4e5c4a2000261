export interface HealthCheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

/** One dependency check (event store reachable, projections running …). */
export type HealthCheck = () => HealthCheckResult | Promise<HealthCheckResult>;

/** Injection token of the `HealthCheck[]` that `GET /health` runs; empty by default. */
export const HEALTH_CHECKS = Symbol('HealthChecks');
