import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './auth/access.guard';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { BodylessCommandsGuard } from './input/bodyless-commands.guard';
import { RolesGuard } from './auth/roles.guard';
import { TokenService } from './auth/token-service';
import { HEALTH_CHECKS, HealthCheck } from './health/health-check';
import { HealthController } from './health/health.controller';
import { LoggingOptions } from './logging/logger-params';
import { createLoggerModule } from './logging/logger.module';
import { commandThrottlingProviders } from './throttling/command-throttling.providers';
import { MetricsController } from './metrics/metrics.controller';
import { metricsProviders, noProjectionLag } from './metrics/metrics.providers';
import { COMMAND_DURATION, METRICS_REGISTRY, PROJECTION_LAG, PROJECTION_LAG_SOURCE, ProjectionLagSource } from './metrics/metrics.tokens';

/** A value computed from other providers, like Nest's factory providers. */
export interface Factory<T> {
  useFactory: (...deps: any[]) => T | Promise<T>;
  inject?: any[];
}

export interface PlatformModuleOptions {
  /** See `resolveJwtSecret`. */
  jwtSecret: string;
  logging?: LoggingOptions;
  /** Modules whose providers the factories below inject. */
  imports?: ModuleMetadata['imports'];
  healthChecks?: Factory<HealthCheck[]>;
  projectionLag?: Factory<ProjectionLagSource>;
}

/**
 * The HTTP platform: logger, bearer-token guard (every route but `@Public()` ones) and roles
 * guard, `GET /health`, `GET /metrics`. Global: TokenService and the metric tokens can be
 * injected anywhere.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [createLoggerModule(options.logging), ...(options.imports ?? [])],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: TokenService, useFactory: () => new TokenService(options.jwtSecret) },
        { provide: HEALTH_CHECKS, ...(options.healthChecks ?? { useFactory: () => [] }) },
        { provide: PROJECTION_LAG_SOURCE, ...(options.projectionLag ?? { useFactory: () => noProjectionLag }) },
        ...metricsProviders,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        // After the two above: the app's access policy (role matrix, portfolio), when it provides one.
        { provide: APP_GUARD, useClass: AccessGuard },
        ...commandThrottlingProviders, // after the auth guards: it limits per actor
        { provide: APP_GUARD, useClass: BodylessCommandsGuard }, // last: input checks follow 401/403/404/429
      ],
      exports: [TokenService, METRICS_REGISTRY, COMMAND_DURATION, PROJECTION_LAG],
    };
  }
}
