import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@trilha/read-store';
import { describeReadStoreContract } from '@trilha/testing';

describeReadStoreContract('SQLite in memory', async () => new SqliteReadStore(':memory:'));

// A file the store owns: its writes go through the writer thread (ADR 0028).
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
describeReadStoreContract('SQLite file, writes on the writer thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trilha-read-contract-'));
  dirs.push(dir);
  return new SqliteReadStore(join(dir, 'read-models.sqlite'));
});
