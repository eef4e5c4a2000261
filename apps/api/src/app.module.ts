import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminModule } from './admin/admin.module';
import { AppointmentsModule } from './appointments/appointments.module';
import { AuditModule } from './audit/audit.module';
import { AuthorizationModule } from './authorization/authorization.module';
import { CalendarModule } from './calendar/calendar.module';
import type { TrilhaConfig } from './config/trilha-config';
import { CustomersModule } from './customers/customers.module';
import { CustomerContactsModule } from './customer-contacts/customer-contacts.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { LeadStatusSchedulerModule } from './lead-status-scheduler/lead-status-scheduler.module';
import { MarkersModule } from './markers/markers.module';
import { MessageTemplatesModule } from './message-templates/message-templates.module';
import type { ProjectionControl } from '@trilha/projection';
import { InfrastructureModule, PROJECTION_CONTROL, type Stores } from './infrastructure/infrastructure.module';
import { PlatformModule, type HealthCheck, type LoggingOptions } from './platform';
import { CustomerSuccessModule } from './wallets/customer-success.module';
import { TimelineModule } from './timeline/timeline.module';

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
            useFactory: (control: ProjectionControl) => async () => (await control.list()).map(({ name, lag }) => ({ name, lag })),
            inject: [PROJECTION_CONTROL],
          },
          healthChecks: {
            useFactory: (control: ProjectionControl): HealthCheck[] => [
              async () => {
                await stores.eventStore.headPosition();
                return { name: 'event-store', ok: true };
              },
              async () => {
                await stores.readStore.listCollections();
                return { name: 'read-store', ok: true };
              },
              async () => {
                const failed = (await control.list()).filter((p) => p.status === 'failed').map((p) => p.name);
                return { name: 'projections', ok: failed.length === 0, ...(failed.length ? { detail: `failed: ${failed.join(', ')}` } : {}) };
              },
            ],
            inject: [PROJECTION_CONTROL],
          },
        }),
        CqrsModule.forRoot(),
        AuthorizationModule,
        CustomersModule,
        CustomerContactsModule,
        LeadStatusSchedulerModule,
        AppointmentsModule,
        CalendarModule,
        FollowUpsModule,
        CustomerSuccessModule,
        MarkersModule,
        MessageTemplatesModule,
        TimelineModule,
        AdminModule,
        AuditModule,
      ],
    };
  }
}
