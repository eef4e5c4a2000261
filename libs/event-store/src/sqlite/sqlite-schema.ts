import Database from 'better-sqlite3';

/**
 * `position` is the global order of `$all`. AUTOINCREMENT keeps it from ever reusing a number,
 * and since SQLite has a single writer at a time, positions become visible in order: a reader
 * never sees position n + 1 before position n.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    event_id  TEXT    NOT NULL UNIQUE,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL,
    created   TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

/** Opens (creating when missing) an event store file, or ':memory:'. */
export function openEventsDatabase(path: string): Database.Database {
  const db = new Database(path);
  // WAL lets readers in other processes work while we write; FULL makes a returned append durable.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  // Revisions and positions are 64-bit: read every integer as a bigint.
  db.defaultSafeIntegers(true);
  return db;
}
