import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ProjectionHost } from '@trilha/projection';
import { AdminModule } from './admin/admin.module';
import { AppointmentsModule } from './appointments/appointments.module';
import { CalendarModule } from './calendar/calendar.module';
import type { TrilhaConfig } from './config/trilha-config';
import { CustomersModule } from './customers/customers.module';
import { InfrastructureModule, PROJECTION_HOST, type Stores } from './infrastructure/infrastructure.module';
import { PlatformModule, type HealthCheck, type LoggingOptions } from './platform';

export interface AppOptions {
  config: TrilhaConfig;
  stores: Stores;
  jwtSecret: string;
  logging?: LoggingOptions;
}

@Module({})
export class AppModule {
  static register({ config, stores, jwtSecret, logging }: AppOptions): DynamicModule {
    const infrastructure = InfrastructureModule.forRoot(config, stores);
    return {
      module: AppModule,
      imports: [
        infrastructure,
        PlatformModule.forRoot({
          jwtSecret,
          logging: { level: config.logLevel, ...logging },
          imports: [infrastructure],
          projectionLag: {
            useFactory: (host: ProjectionHost | null) => async () => (host ? (await host.list()).map(({ name, lag }) => ({ name, lag })) : []),
            inject: [PROJECTION_HOST],
          },
          healthChecks: {
            useFactory: (host: ProjectionHost | null): HealthCheck[] => [
              async () => {
                await stores.eventStore.headPosition();
                return { name: 'event-store', ok: true };
              },
              async () => {
                await stores.readStore.listCollections();
                return { name: 'read-store', ok: true };
              },
              async () => {
                const failed = host ? (await host.list()).filter((p) => p.status === 'failed').map((p) => p.name) : [];
                return { name: 'projections', ok: failed.length === 0, ...(failed.length ? { detail: `failed: ${failed.join(', ')}` } : {}) };
              },
            ],
            inject: [PROJECTION_HOST],
          },
        }),
        CqrsModule.forRoot(),
        CustomersModule,
        AppointmentsModule,
        CalendarModule,
        AdminModule,
      ],
    };
  }
}
