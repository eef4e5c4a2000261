import * as path from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../../api/src/app.module';
import { configFromEnv } from '../../../api/src/config/trilha-config';
import { openEventStore, openKeyStore, openReadStore } from '../../../api/src/infrastructure/open-stores';
import { configureHttpApp, createFastifyAdapter, Public, TokenService } from '../../../api/src/platform';

/** The hello route of (3), served by the real app: its global guards, pipes, filters and logging apply. */
@Controller('bench')
class HelloController {
  @Public()
  @Get('hello')
  hello() {
    return { hello: 'world' };
  }
}

/** The JWT secret of the bench's own app and server (a temporary data folder, never a real one). */
export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';

/** The app's configuration for a bench data folder: no command rate limit (it measures the stack), no logs. */
export function benchConfig(dataDir: string, runProjections: boolean) {
  return {
    ...configFromEnv({ TRILHA_DATA_DIR: dataDir, TRILHA_COMMAND_RATE_LIMIT: '0', TRILHA_PROJECTIONS: runProjections ? 'on' : 'off' }),
    logLevel: 'silent',
    port: 0,
  };
}

/** The real app (as createApp builds it) on the data folder's stores, plus the hello route. */
export async function createBenchApp(dataDir: string, runProjections: boolean): Promise<NestFastifyApplication> {
  const config = benchConfig(path.resolve(dataDir), runProjections);
  const stores = { eventStore: openEventStore(config), readStore: openReadStore(config), keyStore: openKeyStore(config) };
  @Module({ imports: [AppModule.register({ config, stores, jwtSecret: BENCH_SECRET })], controllers: [HelloController] })
  class BenchAppModule {}
  const app = await NestFactory.create<NestFastifyApplication>(BenchAppModule, createFastifyAdapter(), { bufferLogs: true });
  configureHttpApp(app);
  app.enableShutdownHooks();
  return app;
}

export function adminToken(): string {
  return new TokenService(BENCH_SECRET).sign({ sub: 'bench-admin', role: 'admin', name: 'Bench' }, '12h');
}

/** Requests into an app in this process (Fastify inject: the whole stack but the socket). */
export class InjectClient {
  private readonly authorization = `Bearer ${adminToken()}`;
  constructor(private readonly app: NestFastifyApplication) {}

  async send<T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> {
    const response = await this.app.inject({ method, url, payload: payload as never, headers: { authorization: this.authorization, 'content-type': 'application/json' } });
    if (response.statusCode >= 300) throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return JSON.parse(response.body) as T;
  }
}
