import type { Gauge, Histogram } from 'prom-client';

/** The prom-client Registry that `GET /metrics` exposes (default process metrics included). */
export const METRICS_REGISTRY = Symbol('MetricsRegistry');
/** `trilha_command_duration_seconds` Histogram, labels `command` and `outcome`. */
export const COMMAND_DURATION = Symbol('CommandDurationHistogram');
/** `trilha_projection_lag` Gauge, label `projection`; read from PROJECTION_LAG_SOURCE at each scrape. */
export const PROJECTION_LAG = Symbol('ProjectionLagGauge');
/** A `ProjectionLagSource`; by default there are no projections to report. */
export const PROJECTION_LAG_SOURCE = Symbol('ProjectionLagSource');

/** Suggested outcomes: `ok`, `rejected` (4xx), `conflict`, `error`. */
export type CommandDurationHistogram = Histogram<'command' | 'outcome'>;
export type ProjectionLagGauge = Gauge<'projection'>;

/** How many events each projection is behind the event log. */
export type ProjectionLagSource = () => ProjectionLag[] | Promise<ProjectionLag[]>;
export interface ProjectionLag {
  name: string;
  lag: number;
}
