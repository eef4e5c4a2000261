import Database from 'better-sqlite3';
import { KeyDestroyedError, type KeyStore } from '../key-store.port';
import { newDataKey } from '../new-data-key';

/**
 * Keys in their own SQLite file (never the event database). A destroyed key must be gone from
 * the file's bytes, not only from its rows:
 * - `secure_delete=ON` zeroes the cells SQLite frees, so the deleted row's key leaves the page;
 * - `journal_mode=DELETE`: the rollback journal (which holds the page as it was, key included,
 *   during the transaction) is deleted when the transaction commits; there is no WAL that would
 *   keep old page images until a checkpoint.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly selectKey: Database.Statement<[string], { key: Buffer | null }>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
      subject_id TEXT PRIMARY KEY,
      key BLOB,
      destroyed_at TEXT
    )`);
    this.selectKey = this.db.prepare('SELECT key FROM data_keys WHERE subject_id = ?');
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const created = newDataKey();
    // Insert-if-absent then read: two processes asking at once end with the same key.
    this.db.prepare('INSERT OR IGNORE INTO data_keys (subject_id, key) VALUES (?, ?)').run(subjectId, created);
    created.fill(0);
    const row = this.row(subjectId);
    if (!row?.key) throw new KeyDestroyedError(subjectId);
    return row.key;
  }

  async existingKey(subjectId: string): Promise<Buffer | undefined> {
    return this.row(subjectId)?.key ?? undefined;
  }

  async destroy(subjectId: string): Promise<void> {
    // Delete then insert the tombstone: the deleted cell (with the key) is zeroed by secure_delete.
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM data_keys WHERE subject_id = ?').run(subjectId);
      this.db.prepare('INSERT INTO data_keys (subject_id, key, destroyed_at) VALUES (?, NULL, ?)').run(subjectId, new Date().toISOString());
    })();
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    const row = this.row(subjectId);
    return row !== undefined && row.key === null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private row(subjectId: string): { key: Buffer | null } | undefined {
    return this.selectKey.get(subjectId);
  }
}
