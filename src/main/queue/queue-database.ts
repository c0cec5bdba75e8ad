// The queue's SQLite database (node:sqlite, no native build): one row per file, WAL, and one
// process at a time. The owner's connection runs in EXCLUSIVE locking mode and takes the write
// lock at once, so SQLite itself holds the lock for as long as the connection is open; the OS
// drops it when the process ends, however it ends (SIGKILL included), and there is no pid
// that a reused process id could impersonate.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { CodedError } from '../../shared/errors';

/** Bumped with every change to the tables below; older files are migrated in openQueueDatabase. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  -- seq keeps the order files were added in; record is the DurableItem as JSON (validated on
  -- load), state is a copy of record.state for looking rows up by hand.
  CREATE TABLE IF NOT EXISTS items (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    record TEXT NOT NULL
  ) STRICT;
`;

/** SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock. */
const BUSY_CODES = new Set([5, 6]);
/** SQLITE_CORRUPT and SQLITE_NOTADB: the file is damaged or not a database. */
const DAMAGED_CODES = new Set([11, 26]);

function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown }).errcode;
  // Extended result codes carry the primary code in their low byte.
  return typeof code === 'number' ? code & 0xff : undefined;
}

export function queueInUse(): CodedError {
  return new CodedError(
    'CONFLICT',
    'The upload queue is already open in another Image Desk window or CLI. ' +
      'Close it, or wait for it to finish, and try again.',
  );
}

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Set when a damaged file was moved aside and the queue starts empty. */
  warning: string | undefined;
}

function openLocked(file: string): DatabaseSync {
  // timeout 0: a queue that is in use is reported at once, not after a wait.
  const db = new DatabaseSync(file, { timeout: 0 });
  try {
    // EXCLUSIVE before WAL: SQLite then keeps the WAL index in private memory instead of a
    // shared -shm file, and the lock taken by the first write is never given back.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('PRAGMA journal_mode = WAL');
    // Commits survive a crash of this process; a power cut may lose the last ones, which is
    // why the writes that must survive one (keys before a PUT) ask for FULL.
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('BEGIN IMMEDIATE');
    db.exec(SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens (creating if needed) and locks the queue database; a damaged file is set aside. */
export function openQueueDatabase(file: string): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    return { db: openLocked(file), warning: undefined };
  } catch (error) {
    const code = sqliteCode(error);
    if (code !== undefined && BUSY_CODES.has(code)) throw queueInUse();
    if (code === undefined || !DAMAGED_CODES.has(code)) throw error;
  }
  // Keep the damaged file for inspection instead of overwriting what may be someone's batch.
  const aside = `${file}.corrupt-${Date.now()}`;
  fs.renameSync(file, aside);
  // Its journal belongs to it: moved along, never replayed into the new database.
  for (const extra of ['-wal', '-journal']) {
    if (fs.existsSync(`${file}${extra}`)) fs.renameSync(`${file}${extra}`, `${aside}${extra}`);
  }
  return {
    db: openLocked(file),
    warning:
      'The upload queue database could not be read, so the queue starts empty. ' +
      `The old file was kept as ${path.basename(aside)}.`,
  };
}
