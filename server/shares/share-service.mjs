/**
 * Short-link shares over any {@link ShareStore}: random ids and delete tokens, the tokens kept
 * only as hashes, the size limit and the expiry choices. What the HTTP routes and the contract
 * tests both use.
 */
import { createHash, randomBytes } from 'node:crypto';
import { MAX_SHARE_BYTES } from './share-store.mjs';

/** @typedef {import('./share-store.mjs').ShareStore} ShareStore */

/** Random bytes in an id: 96 bits, 16 base64url characters. */
const ID_BYTES = 12;
/** Random bytes in a delete token: 256 bits, 43 base64url characters. */
const TOKEN_BYTES = 32;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The expiry choices of the Share dialog, and how long each keeps a share (ms; `null`: never). */
export const EXPIRIES = /** @type {const} */ ({ '1d': DAY_MS, '30d': 30 * DAY_MS, never: null });

/** @typedef {keyof typeof EXPIRIES} Expiry */

/** The shape of a share id: 16 base64url characters. */
export const SHARE_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

/** A body over {@link MAX_SHARE_BYTES}. */
export class ShareTooLargeError extends Error {
  constructor() {
    super(`A share may hold at most ${MAX_SHARE_BYTES} bytes (5 MiB).`);
    this.name = 'ShareTooLargeError';
  }
}

/**
 * Whether `value` is one of {@link EXPIRIES}' keys.
 * @param {unknown} value
 * @returns {value is Expiry}
 */
export function isExpiry(value) {
  return typeof value === 'string' && Object.hasOwn(EXPIRIES, value);
}

/**
 * The lowercase hex SHA-256 of a delete token, what the store keeps.
 * @param {string} token
 */
export function hashDeleteToken(token) {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * @typedef {object} CreatedShare
 * @property {string} id
 * @property {string} deleteToken Shown once, to the creator; only its hash is stored.
 * @property {number | null} expiresAt Epoch ms, `null` for never.
 */

/**
 * @typedef {object} ShareService
 * @property {(body: Uint8Array, expiry: Expiry) => Promise<CreatedShare>} create
 *   Rejects with {@link ShareTooLargeError} for an empty or oversized body.
 * @property {(id: string) => Promise<Buffer | null>} read `null` for a malformed, unknown,
 *   deleted or expired id.
 * @property {(id: string, deleteToken: string) => Promise<import('./share-store.mjs').RemoveOutcome>} remove
 * @property {() => Promise<number>} purgeExpired
 */

/**
 * @param {ShareStore} store
 * @param {{ now?: () => number, maxBytes?: number }} [options] `now` in epoch ms (`Date.now`);
 *   `maxBytes` defaults to {@link MAX_SHARE_BYTES}.
 * @returns {ShareService}
 */
export function createShareService(store, { now = Date.now, maxBytes = MAX_SHARE_BYTES } = {}) {
  return {
    async create(body, expiry) {
      if (body.byteLength === 0 || body.byteLength > maxBytes) throw new ShareTooLargeError();
      const createdAt = now();
      const keepMs = EXPIRIES[expiry];
      const expiresAt = keepMs === null ? null : createdAt + keepMs;
      const deleteToken = randomBytes(TOKEN_BYTES).toString('base64url');
      // 96 random bits make a collision unheard of; a taken id is simply drawn again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const id = randomBytes(ID_BYTES).toString('base64url');
        const row = {
          id,
          body,
          deleteTokenHash: hashDeleteToken(deleteToken),
          createdAt,
          expiresAt,
        };
        if (await store.insert(row)) return { id, deleteToken, expiresAt };
      }
      throw new Error('Could not find a free share id.');
    },
    async read(id) {
      if (!SHARE_ID_PATTERN.test(id)) return null;
      return store.read(id, now());
    },
    async remove(id, deleteToken) {
      if (!SHARE_ID_PATTERN.test(id)) return 'not-found';
      return store.remove(id, hashDeleteToken(deleteToken), now());
    },
    purgeExpired: () => store.purgeExpired(now()),
  };
}
