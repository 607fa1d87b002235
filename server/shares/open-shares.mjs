/**
 * Short share links for the server: the store chosen by environment, the service, the rate limit,
 * the routes and the hourly purge of expired shares, as one object `start.mjs` plugs in.
 *
 * Environment:
 *   - `RUMINATE_DATABASE_URL=postgres://…`: PostgreSQL, so several servers share one store;
 *   - otherwise SQLite at `$RUMINATE_DATA_DIR/ruminate.db` (`<repo>/data/ruminate.db` by default);
 *   - `RUMINATE_SHARES=off`: no store; the app then makes self-contained links only.
 */
import path from 'node:path';
import { openPostgresShareStore } from './postgres-share-store.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { createShareService, EXPIRIES } from './share-service.mjs';
import { CREATES_PER_MINUTE, createShareRoutes } from './share-routes.mjs';
import { MAX_SHARE_BYTES } from './share-store.mjs';
import { openSqliteShareStore } from './sqlite-share-store.mjs';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * What the app learns from `GET /api/capabilities` about sharing: `null` when there is no store.
 * @typedef {{ maxBytes: number, expiries: string[] } | null} ShareCapabilities
 */

/**
 * @typedef {object} Shares
 * @property {ShareCapabilities} capabilities
 * @property {string} description The startup line.
 * @property {ReturnType<typeof createShareRoutes>} handle `false` for paths that are not theirs.
 * @property {() => Promise<void>} close Stops the purge and closes the store.
 */

/**
 * @typedef {object} OpenSharesOptions
 * @property {Record<string, string | undefined>} env
 * @property {string} repoRoot Where `data/` goes by default.
 */

/**
 * Opens the share store the environment asks for and makes its routes.
 * @param {OpenSharesOptions} options
 * @returns {Promise<Shares>}
 * @throws {Error} When the database cannot be opened or migrated (the message names it).
 */
export async function openShares({ env, repoRoot }) {
  if ((env.RUMINATE_SHARES ?? '').trim().toLowerCase() === 'off') {
    return {
      capabilities: null,
      description: 'Short links: off (RUMINATE_SHARES=off); links are self-contained',
      handle: async () => false,
      close: async () => undefined,
    };
  }
  const url = (env.RUMINATE_DATABASE_URL ?? '').trim();
  const dataDir = path.resolve(repoRoot, (env.RUMINATE_DATA_DIR ?? '').trim() || 'data');
  /** @type {import('./share-store.mjs').ShareStore} */
  let store;
  try {
    store = url
      ? await openPostgresShareStore({ url })
      : openSqliteShareStore({ file: path.join(dataDir, 'ruminate.db') });
  } catch (error) {
    const where = url ? 'the PostgreSQL database in RUMINATE_DATABASE_URL' : `SQLite in ${dataDir}`;
    throw new Error(`Could not open ${where}: ${error instanceof Error ? error.message : error}`);
  }
  const service = createShareService(store);
  const limiter = createRateLimiter({ limit: CREATES_PER_MINUTE, windowMs: 60_000 });
  const purge = () => void service.purgeExpired().catch(() => undefined);
  purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  return {
    capabilities: { maxBytes: MAX_SHARE_BYTES, expiries: Object.keys(EXPIRIES) },
    description: `Short links: stored encrypted in ${store.description}`,
    handle: createShareRoutes({ service, limiter }),
    async close() {
      clearInterval(timer);
      await store.close();
    },
  };
}
