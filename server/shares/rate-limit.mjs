/**
 * A per-client sliding-window rate limit, in memory only. Clients are told apart by a keyed hash
 * of their address, with a key drawn at start, so no address is kept in the clear even in memory,
 * and nothing is written anywhere.
 */
import { createHmac, randomBytes } from 'node:crypto';

/**
 * @typedef {object} RateLimiter
 * @property {(client: string) => { ok: true } | { ok: false, retryAfterSeconds: number }} take
 *   Counts one request from `client`, or says how long until the next is allowed.
 */

/**
 * @param {{ limit: number, windowMs: number, now?: () => number }} options At most `limit`
 *   requests per client in any `windowMs` ms; `now` in epoch ms (`Date.now`).
 * @returns {RateLimiter}
 */
export function createRateLimiter({ limit, windowMs, now = Date.now }) {
  const secret = randomBytes(32);
  /** @type {Map<string, number[]>} Request times per client, oldest first. */
  const seen = new Map();
  let lastSweep = now();

  /** @param {number} at */
  function sweep(at) {
    for (const [client, times] of seen) {
      if ((times.at(-1) ?? 0) <= at - windowMs) seen.delete(client);
    }
    lastSweep = at;
  }

  return {
    take(client) {
      const at = now();
      if (at - lastSweep > windowMs) sweep(at);
      const key = createHmac('sha256', secret).update(client).digest('base64url');
      const times = (seen.get(key) ?? []).filter((time) => time > at - windowMs);
      if (times.length >= limit) {
        seen.set(key, times);
        const oldest = /** @type {number} */ (times[0]);
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)),
        };
      }
      times.push(at);
      seen.set(key, times);
      return { ok: true };
    },
  };
}
