import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { EventStore } from '@trilha/event-store';
import type { ReadStore } from '@trilha/read-store';
import { createApp } from '../../apps/api/src/bootstrap';
import { configFromEnv, type TrilhaConfig } from '../../apps/api/src/config/trilha-config';
import { openEventStore, openReadStore } from '../../apps/api/src/infrastructure/open-stores';
import { TokenService, type Role } from '../../apps/api/src/platform';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  eventStore: EventStore;
  readStore: ReadStore;
  config: TrilhaConfig;
  token(role?: Role, user?: string, name?: string): string;
  close(): Promise<void>;
}

/**
 * The whole app over HTTP, on the stores the environment selects (embedded SQLite in a fresh
 * temporary folder unless EVENTSTORE_URL / MONGO_URL are set), with projections running in-process.
 */
export async function startTestApp(env: NodeJS.ProcessEnv = process.env): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-e2e-'));
  const config = { ...configFromEnv({ ...env, TRILHA_DATA_DIR: dataDir, MONGO_URL: isolatedDatabase(env.MONGO_URL) }), logLevel: 'silent', runProjections: true };
  const eventStore = openEventStore(config);
  const readStore = openReadStore(config);
  const app = await createApp({ config, stores: { eventStore, readStore }, jwtSecret: TEST_SECRET });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = new TokenService(TEST_SECRET);
  return {
    app,
    http: request(app.getHttpServer()),
    eventStore,
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
