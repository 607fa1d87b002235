/**
 * Ruminate's production server, what `npm start` runs after `vite build`. It composes:
 *   - `request-guard.mjs`: every request's `Host`, and for `/api/*` its `Origin`,
 *     `Sec-Fetch-Site`, path and body type, checked before any route;
 *   - `GET /api/server-providers`, the providers this server offers (`config.mjs`);
 *   - `/api/proxy/v1/*`, the upstream proxy that adds the API key (`proxy.mjs`);
 *   - `/api/demo/v1/*`, the built-in Demo provider (`demo-provider.mjs`);
 *   - `/api/shares` and `GET /api/capabilities`, short share links (`shares/`); their page
 *     `/s/:id` is the app itself;
 *   - the built app from `dist/` with its security headers (`static-files.mjs`,
 *     `security-headers.mjs`).
 *
 * Environment: PORT (4173), HOST (127.0.0.1), RUMINATE_ALLOWED_HOSTS (more host names to answer
 * to), RUMINATE_BASE_URL / RUMINATE_API_KEY / RUMINATE_MODEL (OPENAI_BASE_URL / OPENAI_API_KEY as
 * fallbacks), DEEPSEEK_API_KEY, RUMINATE_DEMO_SPEED (pace multiplier of the Demo, e.g. 10 in tests),
 * RUMINATE_DATA_DIR / RUMINATE_DATABASE_URL / RUMINATE_SHARES (where short links are stored, see
 * `shares/open-shares.mjs`).
 */

import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  describeProvider,
  envValue,
  parseAllowedHosts,
  parsePort,
  resolveUpstream,
  serverProviders,
} from './config.mjs';
import { handleDemoRequest, parseDemoSpeed } from './demo-provider.mjs';
import { proxyRequest } from './proxy.mjs';
import { allowedHostValues, checkApiRequest, checkHost } from './request-guard.mjs';
import { API_HEADERS, APP_HEADERS, setHeaders } from './security-headers.mjs';
import { sendError, sendJson } from './send-json.mjs';
import { openShares } from './shares/open-shares.mjs';
import { serveStatic } from './static-files.mjs';

export { DEMO_PROVIDER, resolveUpstream, serverProviders } from './config.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} StartOptions
 * @property {number} [port] 4173 by default; 0 picks a free port.
 * @property {string} [host] `127.0.0.1` by default.
 * @property {Record<string, string | undefined>} [env] Where the upstream, the allowed host names
 *   and the demo speed are read from; `process.env` by default.
 * @property {string} [distDir] The built app; `<repo>/dist` by default.
 * @property {(line: string) => void} [log] Where the startup lines go; `console.log` by default.
 */

/**
 * @typedef {object} RunningServer
 * @property {string} url E.g. `http://127.0.0.1:4173`.
 * @property {number} port The port actually listened on.
 * @property {import('node:http').Server} server
 * @property {() => Promise<void>} close Stops listening and drops open connections (streams too).
 */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIST_DIR = path.join(REPO_ROOT, 'dist');
const PROXY_PREFIX = '/api/proxy/v1';
const DEMO_PREFIX = '/api/demo/v1';
/** Listening on these means every interface. */
const WILDCARD_HOSTS = ['0.0.0.0', '::', '[::]'];

/**
 * Whether `pathname` is `prefix` or below it.
 * @param {string} pathname
 * @param {string} prefix
 */
function isUnder(pathname, prefix) {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * Whether a handler's error only means the browser went away (an aborted upload or download):
 * nothing to report.
 * @param {unknown} error
 * @param {ServerResponse} res
 */
function isClientGone(error, res) {
  const code = /** @type {{ code?: unknown }} */ (error ?? {}).code;
  return res.destroyed || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/**
 * Starts the server. Rejects when the environment is invalid or the port is taken.
 * @param {StartOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4173;
  const distDir = path.resolve(options.distDir ?? DEFAULT_DIST_DIR);
  const log = options.log ?? ((line) => console.log(line));
  const upstream = resolveUpstream(env);
  const demoSpeed = parseDemoSpeed(env.RUMINATE_DEMO_SPEED);
  const providers = serverProviders(upstream);
  const extraHostNames = parseAllowedHosts(env.RUMINATE_ALLOWED_HOSTS);
  const shares = await openShares({ env, repoRoot: REPO_ROOT });
  /** Filled in once listening, when the port is known (requests cannot arrive before). */
  let allowedHosts = new Set();

  /**
   * Routes a request below `/api/`, once the guard has let it in.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {URL} url
   */
  async function routeApi(req, res, url) {
    const { pathname, search } = url;
    if (pathname === '/api/server-providers') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendError(res, 405, 'Use GET.', 'invalid_request_error', { allow: 'GET, HEAD' });
      }
      return sendJson(res, 200, providers);
    }
    if (pathname === '/api/health') return sendJson(res, 200, { ok: true });
    if (pathname === '/api/capabilities')
      return sendJson(res, 200, { shares: shares.capabilities });
    if (await shares.handle(req, res, pathname, search)) return;
    if (isUnder(pathname, PROXY_PREFIX)) {
      if (!upstream) {
        return sendError(
          res,
          404,
          'No upstream provider is configured on this server: start it with RUMINATE_BASE_URL (and RUMINATE_API_KEY, RUMINATE_MODEL) or DEEPSEEK_API_KEY.',
          'proxy_error',
        );
      }
      const route = pathname.slice(PROXY_PREFIX.length + 1);
      return proxyRequest(req, res, upstream, route, search);
    }
    if (isUnder(pathname, DEMO_PREFIX)) {
      const rest = pathname.slice(DEMO_PREFIX.length) || '/';
      return handleDemoRequest(req, res, rest, { speed: demoSpeed });
    }
    return sendError(res, 404, `No API route ${pathname}.`, 'not_found_error');
  }

  /**
   * Every request: the Host check, then the API (guarded) or the built app.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  async function handle(req, res) {
    setHeaders(res, API_HEADERS);
    const wrongHost = checkHost(req, allowedHosts);
    if (wrongHost) return sendError(res, wrongHost.status, wrongHost.message, wrongHost.type);
    /** @type {URL} */
    let url;
    try {
      url = new URL(`http://localhost${req.url ?? '/'}`);
    } catch {
      return sendError(res, 400, 'Malformed URL.', 'invalid_request_error');
    }
    const raw = (req.url ?? '/').split('?')[0];
    if (isUnder(url.pathname, '/api') || isUnder(raw, '/api')) {
      const refused = checkApiRequest(req);
      if (refused) return sendError(res, refused.status, refused.message, refused.type);
      return routeApi(req, res, url);
    }
    res.removeHeader('cross-origin-resource-policy');
    setHeaders(res, APP_HEADERS);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'Use GET.', 'invalid_request_error', { allow: 'GET, HEAD' });
    }
    return serveStatic(req, res, distDir, url.pathname);
  }

  const server = http.createServer(async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      if (isClientGone(error, res)) {
        if (!res.destroyed) res.destroy();
        return;
      }
      console.error('Ruminate server error:', error);
      if (!res.headersSent) sendError(res, 500, 'Internal server error.', 'server_error');
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    /** @param {NodeJS.ErrnoException} error */
    const onError = (error) => {
      void shares.close();
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is already in use; set PORT to use another port.`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });

  const address = server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  allowedHosts = allowedHostValues({
    listenHost: host,
    port: actualPort,
    extraNames: extraHostNames,
  });
  const isWildcard = WILDCARD_HOSTS.includes(host);
  // On every interface, point at this machine by a name it answers to.
  const shownHost = isWildcard ? (host === '0.0.0.0' ? '127.0.0.1' : 'localhost') : host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actualPort}`;
  log(`Ruminate is running at ${url}`);
  log(describeProvider(upstream));
  log(shares.description);
  if (extraHostNames.length > 0) log(`Also answering to: ${extraHostNames.join(', ')}`);
  if (isWildcard && extraHostNames.length === 0) {
    log(
      'Note: listening on every interface, but only 127.0.0.1, localhost and [::1] are answered; list the names other machines use in RUMINATE_ALLOWED_HOSTS.',
    );
  }
  if (!upstream && envValue(env, 'RUMINATE_API_KEY')) {
    log('Note: RUMINATE_API_KEY is set but RUMINATE_BASE_URL is not, so the key is not used.');
  }
  const indexInfo = await stat(path.join(distDir, 'index.html')).catch(() => null);
  if (!indexInfo?.isFile()) {
    log(`Warning: ${path.join(distDir, 'index.html')} is missing; run \`npm run build\` first.`);
  }

  /** @type {Promise<void> | undefined} */
  let closing;
  return {
    url,
    port: actualPort,
    server,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => void shares.close().finally(() => resolve()));
        // Open streams would keep close() waiting: drop them (their handlers stop on 'close').
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Runs the server from the command line, until SIGINT or SIGTERM. */
async function main() {
  /** @type {RunningServer} */
  let running;
  try {
    running = await startServer({
      port: parsePort(process.env.PORT),
      host: process.env.HOST?.trim() || '127.0.0.1',
      env: process.env,
    });
  } catch (error) {
    console.error(`Ruminate could not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  /** @param {NodeJS.Signals} signal */
  const shutdown = (signal) => {
    console.log(`Received ${signal}, shutting down.`);
    setTimeout(() => process.exit(0), 3000).unref();
    running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
