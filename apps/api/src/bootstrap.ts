import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type AppOptions } from './app.module';
import { configFromEnv, type TrilhaConfig } from './config/trilha-config';
import { openEventStore, openReadStore } from './infrastructure/open-stores';
import { configureHttpApp, createFastifyAdapter, resolveJwtSecret } from './platform';

/** Builds the Nest app on Fastify with the platform applied; not yet listening. */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), createFastifyAdapter(), { bufferLogs: true });
  configureHttpApp(app);
  app.enableShutdownHooks();
  return app;
}

/** Opens the configured stores and starts listening on `config.port`. */
export async function startApi(config: TrilhaConfig = configFromEnv()): Promise<NestFastifyApplication> {
  const jwtSecret = resolveJwtSecret({ env: config.jwtSecret, dataDir: config.dataDir });
  const stores = { eventStore: openEventStore(config), readStore: openReadStore(config) };
  const app = await createApp({ config, stores, jwtSecret });
  await app.listen(config.port, '0.0.0.0');
  return app;
}
