/**
 * The store of short share links: one small interface, implemented by SQLite
 * (`sqlite-share-store.mjs`, the embedded default) and PostgreSQL (`postgres-share-store.mjs`,
 * for several servers sharing one store), both held to one contract test suite
 * (`share-store.contract.test.mjs`).
 *
 * A row holds the sealed body exactly as uploaded (ciphertext the server cannot read: the key
 * stays in the link's fragment), the SHA-256 of its delete token, and times in epoch ms. No
 * plaintext, key or IP address is ever stored.
 */

/**
 * A share as stored.
 * @typedef {object} NewShareRow
 * @property {string} id Random, base64url (`share-ids.mjs`).
 * @property {Uint8Array} body The sealed body, at most {@link MAX_SHARE_BYTES} bytes.
 * @property {string} deleteTokenHash Lowercase hex SHA-256 of the delete token.
 * @property {number} createdAt Epoch ms.
 * @property {number | null} expiresAt Epoch ms after which the share is gone; `null` for never.
 */

/**
 * @typedef {'deleted' | 'forbidden' | 'not-found'} RemoveOutcome
 */

/**
 * What both implementations provide. Every method may reject with the database's own error.
 * @typedef {object} ShareStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {string} description Where the data lives, for the startup line (no password).
 * @property {(row: NewShareRow) => Promise<boolean>} insert `false` when the id is taken (nothing
 *   is written then).
 * @property {(id: string, now: number) => Promise<Buffer | null>} read The exact bytes stored, or
 *   `null` for an unknown, deleted or expired (`expiresAt <= now`) share.
 * @property {(id: string, deleteTokenHash: string, now: number) => Promise<RemoveOutcome>} remove
 *   Deletes the share when the hash matches; `forbidden` when it does not, `not-found` for an
 *   unknown or expired id.
 * @property {(now: number) => Promise<number>} purgeExpired Deletes expired rows; how many.
 * @property {() => Promise<void>} close Releases the database.
 */

/** Most bytes one sealed body may take: 5 MiB. */
export const MAX_SHARE_BYTES = 5 * 1024 * 1024;

/** The schema's migrations table: which migrations ran, and when. */
export const MIGRATIONS_TABLE = 'ruminate_migrations';
