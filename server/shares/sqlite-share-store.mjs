/**
 * The embedded share store: one SQLite file (better-sqlite3) in WAL mode, so reads never wait for
 * a write. Synchronous calls, wrapped to the async {@link ShareStore} interface.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pendingMigrations } from './migrations.mjs';
import { MIGRATIONS_TABLE } from './share-store.mjs';

/** @typedef {import('./share-store.mjs').ShareStore} ShareStore */

/**
 * Brings the schema up to date, each migration in a transaction with its row.
 * @param {import('better-sqlite3').Database} db
 */
function migrate(db) {
  db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = /** @type {{ version: number | null }} */ (
    db.prepare(`SELECT max(version) AS version FROM ${MIGRATIONS_TABLE}`).get()
  );
  const record = db.prepare(
    `INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`,
  );
  for (const migration of pendingMigrations(applied.version ?? 0)) {
    db.transaction(() => {
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
  }
}

/**
 * Opens (creating when missing) the SQLite share store at `file`, with its directory.
 * @param {{ file: string }} options
 * @returns {ShareStore}
 * @throws {Error} When the file cannot be opened or migrated.
 */
export function openSqliteShareStore({ file }) {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insert = db.prepare(
    `INSERT INTO shares (id, body, delete_token_hash, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const read = db.prepare(
    'SELECT body FROM shares WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const remove = db.prepare('DELETE FROM shares WHERE id = ? AND delete_token_hash = ?');
  const exists = db.prepare(
    'SELECT 1 FROM shares WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const purge = db.prepare('DELETE FROM shares WHERE expires_at IS NOT NULL AND expires_at <= ?');
  const removeIfLive = db.transaction(
    /** @type {(id: string, hash: string, now: number) => import('./share-store.mjs').RemoveOutcome} */
    (id, hash, now) => {
      if (exists.get(id, now) === undefined) return 'not-found';
      return remove.run(id, hash).changes === 1 ? 'deleted' : 'forbidden';
    },
  );

  return {
    kind: 'sqlite',
    description: `SQLite at ${file}`,
    async insert(row) {
      const body = Buffer.from(row.body.buffer, row.body.byteOffset, row.body.byteLength);
      const result = insert.run(row.id, body, row.deleteTokenHash, row.createdAt, row.expiresAt);
      return result.changes === 1;
    },
    async read(id, now) {
      const row = /** @type {{ body: Buffer } | undefined} */ (read.get(id, now));
      return row?.body ?? null;
    },
    async remove(id, deleteTokenHash, now) {
      return removeIfLive.immediate(id, deleteTokenHash, now);
    },
    async purgeExpired(now) {
      return purge.run(now).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
