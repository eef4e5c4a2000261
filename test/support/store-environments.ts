import { startEventStoreDbDouble } from '@trilha/testing/esdb-double';
import { startMongoDbDouble } from '@trilha/testing/mongo-double';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

/**
 * The stores one run of a suite uses: `env` goes over process.env (EVENTSTORE_URL, MONGO_URL),
 * `stop` ends whatever the environment started.
 */
export type StoreEnvironment = () => Promise<{ env: NodeJS.ProcessEnv; stop?: () => Promise<void> }>;

/** The embedded SQLite event store and read store, whatever process.env says. */
export const embeddedStores: StoreEnvironment = async () => ({ env: { EVENTSTORE_URL: '', MONGO_URL: '' } });

/** The event store on the EventStoreDB gRPC double; the read models embedded. */
export const eventStoreDbDouble: StoreEnvironment = async () => {
  const double = await startEventStoreDbDouble();
  return { env: { EVENTSTORE_URL: double.url, MONGO_URL: '' }, stop: () => double.stop() };
};

/** The read models on the MongoDB wire double; the event store embedded. */
export const mongoDbDouble: StoreEnvironment = async () => {
  const mongo = await startMongoDbDouble();
  return { env: { EVENTSTORE_URL: '', MONGO_URL: mongo.url }, stop: () => mongo.stop() };
};

/** The EventStoreDB and MongoDB doubles together. */
export const bothDoubles: StoreEnvironment = async () => {
  const [eventStore, mongo] = await Promise.all([startEventStoreDbDouble(), startMongoDbDouble()]);
  return {
    env: { EVENTSTORE_URL: eventStore.url, MONGO_URL: mongo.url },
    stop: async () => {
      await eventStore.stop();
      await mongo.stop();
    },
  };
};

/** `npm run test:integration` with real servers (docker/compose.yml): the production stores. */
export const serversConfigured = Boolean(process.env.EVENTSTORE_URL || process.env.MONGO_URL);
/** The servers process.env points at; use only when `serversConfigured`. */
export const configuredServers: StoreEnvironment = async () => ({ env: {} });

/**
 * `startTestApp` on the stores of `environment` (`options.env` goes over them); `close()` stops
 * the app, then the environment.
 */
export async function startTestAppOn(environment: StoreEnvironment, { env: extraEnv, ...options }: TestAppOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const { env, stop } = await environment();
  let t: TestApp;
  try {
    t = await startTestApp({ ...process.env, ...env, ...extraEnv }, options);
  } catch (error) {
    await stop?.();
    throw error;
  }
  return {
    ...t,
    close: async () => {
      await t.close();
      await stop?.();
    },
  };
}
