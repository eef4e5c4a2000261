import { Provider } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import {
  COMMAND_DURATION,
  CommandDurationHistogram,
  METRICS_REGISTRY,
  PROJECTION_LAG,
  PROJECTION_LAG_SOURCE,
  ProjectionLagGauge,
  ProjectionLagSource,
} from './metrics.tokens';

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function createCommandDuration(registry: Registry): CommandDurationHistogram {
  return new Histogram({
    name: 'trilha_command_duration_seconds',
    help: 'Time to handle a command, from the request to the append',
    labelNames: ['command', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
}

export function createProjectionLag(registry: Registry, source: ProjectionLagSource): ProjectionLagGauge {
  return new Gauge({
    name: 'trilha_projection_lag',
    help: 'Events in the log that a projection has not processed yet',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      const lags = await source();
      // Reset first, so a projection that is gone stops being reported.
      this.reset();
      for (const { name, lag } of lags) this.set({ projection: name }, lag);
    },
  });
}

export const noProjectionLag: ProjectionLagSource = () => [];

/** The metric providers; PROJECTION_LAG_SOURCE is supplied by whoever builds the module. */
export const metricsProviders: Provider[] = [
  { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
  { provide: COMMAND_DURATION, useFactory: createCommandDuration, inject: [METRICS_REGISTRY] },
  { provide: PROJECTION_LAG, useFactory: createProjectionLag, inject: [METRICS_REGISTRY, PROJECTION_LAG_SOURCE] },
];
