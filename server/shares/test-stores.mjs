/**
 * The share stores the tests run against: SQLite in a temporary directory always, and PostgreSQL
 * when `RUMINATE_TEST_DATABASE_URL` is set (`scripts/with-postgres.sh` sets it), each test in a
 * schema of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresShareStore } from './postgres-share-store.mjs';
import { openSqliteShareStore } from './sqlite-share-store.mjs';

/** The PostgreSQL the tests use, if any. */
export const TEST_DATABASE_URL = process.env.RUMINATE_TEST_DATABASE_URL?.trim() || undefined;

/** Why the PostgreSQL leg is skipped, or `undefined` when it runs. Under CI it must run. */
export function postgresSkipReason() {
  if (TEST_DATABASE_URL !== undefined) return undefined;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(
      'CI is set but RUMINATE_TEST_DATABASE_URL is not: run the tests through scripts/with-postgres.sh, which starts a throwaway PostgreSQL.',
    );
  }
  return 'RUMINATE_TEST_DATABASE_URL is not set (run `scripts/with-postgres.sh npm test` to include PostgreSQL)';
}

/**
 * A store under test and a way to look at its raw rows.
 * @typedef {object} StoreUnderTest
 * @property {() => Promise<import('./share-store.mjs').ShareStore>} open Opens the same database
 *   again (after a close: the data must still be there).
 * @property {(sql: string) => Promise<Record<string, unknown>[]>} query Raw SQL on that database.
 * @property {() => Promise<void>} dispose Drops everything the test made.
 */

/** @returns {StoreUnderTest} */
export function sqliteUnderTest() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ruminate-shares-'));
  const file = path.join(dir, 'ruminate.db');
  return {
    open: async () => openSqliteShareStore({ file }),
    async query(sql) {
      const db = new Database(file, { readonly: true });
      try {
        return /** @type {Record<string, unknown>[]} */ (db.prepare(sql).all());
      } finally {
        db.close();
      }
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * @param {string} url
 * @returns {StoreUnderTest}
 */
export function postgresUnderTest(url) {
  const schema = `test_${Date.now()}_${Math.floor(Math.random() * 1e9)}`;
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  /** @param {string} sql */
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: scoped.href });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  let created = false;
  return {
    async open() {
      if (!created) {
        await run(`CREATE SCHEMA ${schema}`);
        created = true;
      }
      return openPostgresShareStore({ url: scoped.href });
    },
    query: run,
    async dispose() {
      if (created) await run(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}
