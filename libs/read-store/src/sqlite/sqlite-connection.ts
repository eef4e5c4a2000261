import Database from 'better-sqlite3';

/**
 * Opens a connection to a read-model database the store owns, with the settings every connection
 * to it uses (the store's own and its writer thread's). Also loaded by the writer thread
 * (write-worker.ts): relative imports only.
 */
export function openReadModelsConnection(source: string, walAutocheckpointPages?: number): Database.Database {
  const db = new Database(source);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Freed and overwritten content is zeroed, so an erased value (T10) leaves no bytes behind.
  db.pragma('secure_delete = ON');
  // Projections rewrite index pages all over their tables: keep more of them in memory (32 MiB instead of 2).
  db.pragma('cache_size = -32768');
  if (walAutocheckpointPages !== undefined) db.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`);
  return db;
}

/** A path another connection (a thread) can open too: not ':memory:' nor '' (a private temporary file). */
export function isSharedFile(source: string): boolean {
  return source !== ':memory:' && source !== '';
}
