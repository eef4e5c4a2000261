import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@trilha/event-store';
import { describeEventStoreContract } from '@trilha/testing';

describeEventStoreContract('SqliteEventStore in memory', async () => new SqliteEventStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'trilha-sqlite-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describeEventStoreContract('SqliteEventStore on a WAL file', async () => new SqliteEventStore(join(dir, 'events.db')));
