import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@trilha/event-store';
import { MongoKeyStore, SqliteKeyStore, type KeyStore } from '@trilha/key-store';
import type { ReadStore } from '@trilha/read-store';
import { MongoReadStore } from '@trilha/read-store/mongodb/mongodb-read-store';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import type { TrilhaConfig } from '../config/trilha-config';

export const EVENTS_FILE = 'events.sqlite';
export const READ_MODELS_FILE = 'read-models.sqlite';
/** Data keys of personal data: a file of its own, never the event database (ADR 0017). */
export const KEYS_FILE = 'keys.db';

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

/** The data keys: MongoDB's `data_keys` collection when MONGO_URL is set, else their own SQLite file. */
export function openKeyStore(config: TrilhaConfig): KeyStore {
  if (config.mongoUrl) return new MongoKeyStore(config.mongoUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return new SqliteKeyStore(path.join(config.dataDir, KEYS_FILE));
}
