import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@trilha/event-store';
import type { ReadStore } from '@trilha/read-store';
import { MongoReadStore } from '@trilha/read-store/mongodb/mongodb-read-store';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import type { TrilhaConfig } from '../config/trilha-config';

export const EVENTS_FILE = 'events.sqlite';
export const READ_MODELS_FILE = 'read-models.sqlite';

/** EventStoreDB when EVENTSTORE_URL is set, else the embedded SQLite file in the data folder. */
export function openEventStore(config: TrilhaConfig): EventStore {
  if (config.eventStoreUrl) return new EventStoreDbEventStore(config.eventStoreUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(path.join(config.dataDir, EVENTS_FILE));
}

/** MongoDB when MONGO_URL is set, else the embedded SQLite file in the data folder. */
export function openReadStore(config: TrilhaConfig): ReadStore {
  if (config.mongoUrl) return new MongoReadStore(config.mongoUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return new SqliteReadStore(path.join(config.dataDir, READ_MODELS_FILE));
}
