/**
 * The shared share store: PostgreSQL (`pg`), so several Ruminate servers behind a load balancer
 * serve the same links. The schema is migrated at start under an advisory lock, so servers
 * starting together apply each migration once.
 */
import pg from 'pg';
import { pendingMigrations } from './migrations.mjs';
import { MIGRATIONS_TABLE } from './share-store.mjs';

/** @typedef {import('./share-store.mjs').ShareStore} ShareStore */

/** The advisory lock key migrations hold (any constant; "rumi" in ASCII). */
const MIGRATION_LOCK = 0x72756d69;

/**
 * Brings the schema up to date in one transaction.
 * @param {pg.Pool} pool
 */
async function migrate(pool) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const applied = await client.query(`SELECT max(version) AS version FROM ${MIGRATIONS_TABLE}`);
    for (const migration of pendingMigrations(Number(applied.rows[0]?.version ?? 0))) {
      await client.query(migration.postgres);
      await client.query(
        `INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES ($1, $2, $3)`,
        [migration.version, migration.name, Date.now()],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Where a connection string points, without its user or password.
 * @param {string} url
 */
function describe(url) {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Connects to PostgreSQL and migrates the schema.
 * @param {{ url: string, maxConnections?: number }} options `url` is a `postgres://` connection
 *   string; at most `maxConnections` (10) connections are open at once.
 * @returns {Promise<ShareStore>}
 * @throws {Error} When the database cannot be reached or migrated.
 */
export async function openPostgresShareStore({ url, maxConnections = 10 }) {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  return {
    kind: 'postgres',
    description: describe(url),
    async insert(row) {
      const result = await pool.query(
        `INSERT INTO shares (id, body, delete_token_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
        [
          row.id,
          Buffer.from(row.body.buffer, row.body.byteOffset, row.body.byteLength),
          row.deleteTokenHash,
          row.createdAt,
          row.expiresAt,
        ],
      );
      return result.rowCount === 1;
    },
    async read(id, now) {
      const result = await pool.query(
        'SELECT body FROM shares WHERE id = $1 AND (expires_at IS NULL OR expires_at > $2)',
        [id, now],
      );
      return result.rows[0]?.body ?? null;
    },
    async remove(id, deleteTokenHash, now) {
      // One statement: the row is deleted only when live and the hash matches; the flags say why
      // otherwise.
      const result = await pool.query(
        `WITH live AS (
           SELECT id, delete_token_hash FROM shares
           WHERE id = $1 AND (expires_at IS NULL OR expires_at > $3)
         ), gone AS (
           DELETE FROM shares WHERE id IN (SELECT id FROM live WHERE delete_token_hash = $2)
           RETURNING id
         )
         SELECT (SELECT count(*) FROM live) AS live, (SELECT count(*) FROM gone) AS gone`,
        [id, deleteTokenHash, now],
      );
      const row = result.rows[0];
      if (Number(row.gone) === 1) return 'deleted';
      return Number(row.live) === 1 ? 'forbidden' : 'not-found';
    },
    async purgeExpired(now) {
      const result = await pool.query(
        'DELETE FROM shares WHERE expires_at IS NOT NULL AND expires_at <= $1',
        [now],
      );
      return result.rowCount ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}
