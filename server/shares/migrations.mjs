/**
 * The share store's schema as ordered migrations, one SQL text per database. A store applies
 * those above the highest version in its migrations table, each in a transaction with its row, at
 * start; a new schema change is a new entry at the end, never an edit of an applied one.
 */
import { MAX_SHARE_BYTES } from './share-store.mjs';

/**
 * @typedef {object} Migration
 * @property {number} version 1, 2, … in order.
 * @property {string} name
 * @property {string} sqlite
 * @property {string} postgres
 */

/** @type {readonly Migration[]} */
export const MIGRATIONS = [
  {
    version: 1,
    name: 'create shares',
    sqlite: `
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        body BLOB NOT NULL CHECK (length(body) <= ${MAX_SHARE_BYTES}),
        delete_token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER
      );
      CREATE INDEX shares_expires_at ON shares (expires_at) WHERE expires_at IS NOT NULL;`,
    postgres: `
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        body BYTEA NOT NULL CHECK (octet_length(body) <= ${MAX_SHARE_BYTES}),
        delete_token_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT
      );
      CREATE INDEX shares_expires_at ON shares (expires_at) WHERE expires_at IS NOT NULL;`,
  },
];

/**
 * The migrations not yet applied, in order.
 * @param {number} appliedVersion The highest version in the migrations table, 0 when empty.
 * @returns {Migration[]}
 */
export function pendingMigrations(appliedVersion) {
  return MIGRATIONS.filter((migration) => migration.version > appliedVersion);
}
