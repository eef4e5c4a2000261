import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { DestinationStream } from 'pino';
import {
  configureHttpApp,
  createFastifyAdapter,
  HealthCheck,
  PlatformModule,
  ProjectionLagSource,
} from '../../../apps/api/src/platform';
import { DummyController } from './dummy.controller';
import { OpenController } from './open.controller';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-bytes-long';
export const TEST_BODY_LIMIT = 1024;

export interface TestAppOptions {
  healthChecks?: HealthCheck[];
  projectionLag?: ProjectionLagSource;
  logStream?: DestinationStream;
}

/** A real Fastify app with the platform and the dummy controller, ready for supertest. */
export async function createTestApp(options: TestAppOptions = {}): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        jwtSecret: TEST_SECRET,
        logging: options.logStream ? { level: 'info', stream: options.logStream } : { level: 'silent' },
        healthChecks: { useFactory: () => options.healthChecks ?? [] },
        projectionLag: { useFactory: () => options.projectionLag ?? (() => []) },
      }),
    ],
    controllers: [DummyController, OpenController],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter({ bodyLimit: TEST_BODY_LIMIT }), {
    bufferLogs: false,
  });
  configureHttpApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
