import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { UpcasterRegistry } from '@trilha/domain';
import type { EventStore } from '@trilha/event-store';
import type { ReadStore } from '@trilha/read-store';
import { AppModule, type AppOptions } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/bootstrap';
import { configFromEnv, type TrilhaConfig } from '../../apps/api/src/config/trilha-config';
import { openEventStore, openReadStore } from '../../apps/api/src/infrastructure/open-stores';
import { CLOCK, UPCASTERS } from '../../apps/api/src/infrastructure/tokens';
import { DecryptingEventStore } from '../../apps/api/src/infrastructure/decrypting-event-store';
import { PersonalDataVault } from '../../apps/api/src/infrastructure/personal-data-vault';
import { configureHttpApp, createFastifyAdapter, TokenService, type Role } from '../../apps/api/src/platform';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  /** The event store with personal fields decrypted (ADR 0017), as the app's readers see it. */
  eventStore: EventStore;
  /** The event store as stored: personal fields are ciphertexts. */
  storedEventStore: EventStore;
  readStore: ReadStore;
  config: TrilhaConfig;
  token(role?: Role, user?: string, name?: string): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Replaces the system clock (the CLOCK token), e.g. `() => new Date('2026-03-01T12:00:00Z')`. */
  clock?: () => Date;
  /** False: the api alone, as with TRILHA_PROJECTIONS=off; the test runs a projector beside it. Default true. */
  runProjections?: boolean;
  /** Replaces the app's upcasters (the UPCASTERS token), e.g. with an event type at a later schema version. */
  upcasters?: UpcasterRegistry;
}

/**
 * The whole app over HTTP, on the stores the environment selects (embedded SQLite in a fresh
 * temporary folder unless EVENTSTORE_URL / MONGO_URL are set), with projections running in-process
 * unless `runProjections: false`.
 */
export async function startTestApp(env: NodeJS.ProcessEnv = process.env, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-e2e-'));
  const config = { ...configFromEnv({ ...env, TRILHA_DATA_DIR: dataDir, MONGO_URL: isolatedDatabase(env.MONGO_URL) }), logLevel: 'silent', runProjections: options.runProjections ?? true };
  const eventStore = openEventStore(config);
  const readStore = openReadStore(config);
  const appOptions: AppOptions = { config, stores: { eventStore, readStore }, jwtSecret: TEST_SECRET };
  const app = options.clock || options.upcasters ? await createAppWithOverrides(appOptions, options) : await createApp(appOptions);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = new TokenService(TEST_SECRET);
  return {
    app,
    http: request(app.getHttpServer()),
    eventStore: new DecryptingEventStore(eventStore, app.get(PersonalDataVault)),
    storedEventStore: eventStore,
    readStore,
    config,
    token: (role = 'admin', user = 'u1', name = 'Ana Admin') => tokens.sign({ sub: user, role, name }, '1h'),
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A real MongoDB is shared between runs: each test app gets a database of its own. */
function isolatedDatabase(mongoUrl: string | undefined): string | undefined {
  if (!mongoUrl) return mongoUrl;
  const url = new URL(mongoUrl);
  url.pathname = `/trilha_e2e_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  return url.toString();
}

/** As `createApp`, through a testing module so that the clock or the upcasters can be overridden. */
async function createAppWithOverrides(options: AppOptions, { clock, upcasters }: TestAppOptions): Promise<NestFastifyApplication> {
  let builder = Test.createTestingModule({ imports: [AppModule.register(options)] });
  if (clock) builder = builder.overrideProvider(CLOCK).useValue(clock);
  if (upcasters) builder = builder.overrideProvider(UPCASTERS).useValue(upcasters);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { bufferLogs: true });
  configureHttpApp(app);
  app.enableShutdownHooks();
  return app;
}
