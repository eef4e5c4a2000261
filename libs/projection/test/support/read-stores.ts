import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { ReadStore } from '@trilha/read-store';
import { MongoReadStore } from '@trilha/read-store/mongodb/mongodb-read-store';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import { startMongoDbDouble, type MongoDbDouble } from '@trilha/testing/mongo-double';

/** Opens a fresh, empty read store; its close() disposes of everything it created. */
export type OpenReadStore = () => Promise<ReadStore>;

interface Backend {
  label: string;
  /** Starts what the backend needs for a describe block; returns how to open stores and stop. */
  start(): Promise<{ open: OpenReadStore; stop(): Promise<void> }>;
}

const sqlite: Backend = {
  label: 'SQLite',
  start: async () => ({ open: async () => new SqliteReadStore(':memory:'), stop: async () => undefined }),
};

/** Each store gets a database of its own, dropped when the store is closed. */
function mongoBackend(label: string, server: () => Promise<MongoDbDouble>): Backend {
  return {
    label,
    start: async () => {
      const { url, stop } = await server();
      const open = async () => {
        const client = new MongoClient(url);
        const dbName = `trilha_projection_${randomUUID().slice(0, 8)}`;
        return new (class extends MongoReadStore {
          override async close(): Promise<void> {
            await super.close();
            await client.db(dbName).dropDatabase();
            await client.close();
          }
        })(client, dbName);
      };
      return { open, stop };
    },
  };
}

/**
 * SQLite in memory and MongoDB through the wire double always; a real MongoDB too when
 * MONGO_URL is set.
 */
function backends(): Backend[] {
  const all = [sqlite, mongoBackend('MongoDB (wire double)', () => startMongoDbDouble())];
  const mongoUrl = process.env.MONGO_URL;
  if (mongoUrl) all.push(mongoBackend('MongoDB', async () => ({ url: mongoUrl, stop: async () => undefined })));
  return all;
}

/** Runs `body` once per read-store backend; `open()` gives each test a fresh store. */
export function describeOnEachReadStore(title: string, body: (open: OpenReadStore) => void): void {
  describe.each(backends().map((backend) => [backend.label, backend] as const))(`${title} on %s`, (_label, backend) => {
    let started: { open: OpenReadStore; stop(): Promise<void> } | undefined;
    beforeAll(async () => {
      started = await backend.start();
    });
    afterAll(async () => {
      await started?.stop();
    });
    body(() => started!.open());
  });
}
