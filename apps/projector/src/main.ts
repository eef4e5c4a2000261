import 'reflect-metadata';
import { ALL_PROJECTIONS } from '@trilha/projections';
import pino from 'pino';
import { configFromEnv } from '../../api/src/config/trilha-config';
import { openEventStore, openKeyStore, openReadStore } from '../../api/src/infrastructure/open-stores';
import { createProjectorHost } from './projector-host';

/**
 * The projector process: runs every projection from its checkpoint until SIGTERM/SIGINT, and
 * serves the api's admin routes through the read store (status, rebuild requests).
 */
async function main(): Promise<void> {
  const config = configFromEnv();
  const logger = pino({ level: config.logLevel, base: { process: 'projector' } });
  const eventStore = openEventStore(config);
  const readStore = openReadStore(config);
  const keyStore = openKeyStore(config);
  const host = createProjectorHost({ eventStore, readStore, keyStore }, { warn: (msg: string) => logger.warn(msg) });
  await host.start();
  logger.info({ projections: ALL_PROJECTIONS.map((p) => p.name) }, 'projections running');

  const report = setInterval(async () => {
    for (const p of await host.list()) logger.info({ projection: p.name, status: p.status, lag: p.lag, eventsPerSecond: p.eventsPerSecond }, 'projection');
  }, 60_000);
  report.unref();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    clearInterval(report);
    await host.stop();
    await eventStore.close();
    await readStore.close();
    await keyStore.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
