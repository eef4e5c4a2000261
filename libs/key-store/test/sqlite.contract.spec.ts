import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteKeyStore } from '../src';
import { describeKeyStoreContract } from './key-store.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-keys-'));
const file = path.join(dir, 'keys.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeKeyStoreContract('SQLite', async () => new SqliteKeyStore(file));

describe('SqliteKeyStore file bytes', () => {
  function bytesOfFolder(folder: string): Buffer {
    return Buffer.concat(fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name))));
  }

  it('no longer hold a destroyed key, in the database file or beside it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-keys-bytes-'));
    const store = new SqliteKeyStore(path.join(folder, 'keys.db'));
    try {
      const subjects = Array.from({ length: 20 }, () => randomUUID());
      const keys = await Promise.all(subjects.map((s) => store.keyFor(s)));
      const erased = keys[7];
      expect(bytesOfFolder(folder).includes(erased)).toBe(true);
      await store.destroy(subjects[7]);
      const bytes = bytesOfFolder(folder);
      expect(bytes.includes(erased)).toBe(false);
      expect(bytes.includes(keys[8])).toBe(true);
    } finally {
      await store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
