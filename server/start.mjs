/**
 * Ruminate's production server, what `npm start` runs after `vite build`:
 *   - serves the built app from `dist/` (unknown GET paths outside `/api/` get `index.html`);
 *   - `GET /api/server-providers` lists the providers this server offers;
 *   - `/api/proxy/v1/*` forwards to an upstream OpenAI-compatible API set by environment, adding
 *     its API key, which never reaches the browser; responses stream through unbuffered;
 *   - `/api/demo/v1/*` is the built-in Demo provider (`server/demo-provider.mjs`);
 *   - `/api/shares` and `/s/:id` are short share links (`server/shares/`), and
 *     `GET /api/capabilities` says whether this server stores them.
 *
 * Environment: PORT (4173), HOST (127.0.0.1), RUMINATE_BASE_URL / RUMINATE_API_KEY /
 * RUMINATE_MODEL (OPENAI_BASE_URL / OPENAI_API_KEY as fallbacks), DEEPSEEK_API_KEY,
 * RUMINATE_DEMO_SPEED (pace multiplier of the Demo, e.g. 10 in tests), RUMINATE_DATA_DIR /
 * RUMINATE_DATABASE_URL / RUMINATE_SHARES (where short links are stored, see
 * `server/shares/open-shares.mjs`).
 */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_MODEL_ID, handleDemoRequest, parseDemoSpeed } from './demo-provider.mjs';
import { readBody } from './read-body.mjs';
import { openShares } from './shares/open-shares.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * An upstream OpenAI-compatible API configured by environment.
 * @typedef {object} Upstream
 * @property {string} baseUrl Without a trailing slash, e.g. `https://api.deepseek.com`.
 * @property {string} apiKey `''` when requests go without a key (local servers).
 * @property {string} model `''` when the user picks one from `/models` in the app.
 * @property {string} name Display name, e.g. `DeepSeek (server)`.
 */

/**
 * A provider offered to the app by `GET /api/server-providers`.
 * @typedef {object} ServerProvider
 * @property {string} id
 * @property {string} name
 * @property {string} baseUrl Relative to the app's origin.
 * @property {string} model
 * @property {'proxy' | 'demo'} kind
 */

/**
 * @typedef {object} StartOptions
 * @property {number} [port] 4173 by default; 0 picks a free port.
 * @property {string} [host] `127.0.0.1` by default.
 * @property {Record<string, string | undefined>} [env] Where the upstream and demo speed are read
 *   from; `process.env` by default.
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
const DEEPSEEK_BASE_URL = 'https://api.deepseek.com';
const DEEPSEEK_MODEL = 'deepseek-reasoner';
const MAX_BODY_BYTES = 50 * 1024 * 1024;
/** Upstream response headers worth passing on besides the status and content type. */
const PASSED_RESPONSE_HEADERS = [
  'retry-after',
  'x-request-id',
  'x-ratelimit-limit-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset-tokens',
];

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * A trimmed environment value, `''` when unset.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
function envValue(env, name) {
  return (env[name] ?? '').trim();
}

/**
 * Whether a base URL is DeepSeek's API.
 * @param {string} baseUrl
 */
function isDeepSeek(baseUrl) {
  return new URL(baseUrl).hostname === 'api.deepseek.com';
}

/**
 * Reads the upstream provider from the environment:
 *   1. base URL `RUMINATE_BASE_URL`, else `OPENAI_BASE_URL`; key `RUMINATE_API_KEY`, else
 *      `OPENAI_API_KEY`, else (for api.deepseek.com only) `DEEPSEEK_API_KEY`; no key is fine;
 *   2. otherwise `DEEPSEEK_API_KEY` alone means DeepSeek's API with that key;
 *   3. otherwise there is no upstream (an API key without a base URL is ignored).
 * The model is `RUMINATE_MODEL`, else `deepseek-reasoner` for DeepSeek, else `''`.
 * @param {Record<string, string | undefined>} env
 * @returns {Upstream | null}
 * @throws {Error} When the base URL is not an http(s) URL.
 */
export function resolveUpstream(env) {
  let baseUrl = envValue(env, 'RUMINATE_BASE_URL') || envValue(env, 'OPENAI_BASE_URL');
  let apiKey = '';
  if (baseUrl) {
    /** @type {URL} */
    let parsed;
    try {
      parsed = new URL(baseUrl);
    } catch {
      throw new Error(`The base URL "${baseUrl}" is not a valid URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`The base URL "${baseUrl}" must start with http:// or https://.`);
    }
    baseUrl = baseUrl.replace(/\/+$/, '');
    apiKey =
      envValue(env, 'RUMINATE_API_KEY') ||
      envValue(env, 'OPENAI_API_KEY') ||
      (isDeepSeek(baseUrl) ? envValue(env, 'DEEPSEEK_API_KEY') : '');
  } else if (envValue(env, 'DEEPSEEK_API_KEY')) {
    baseUrl = DEEPSEEK_BASE_URL;
    apiKey = envValue(env, 'DEEPSEEK_API_KEY');
  } else {
    return null;
  }
  const deepSeek = isDeepSeek(baseUrl);
  return {
    baseUrl,
    apiKey,
    model: envValue(env, 'RUMINATE_MODEL') || (deepSeek ? DEEPSEEK_MODEL : ''),
    name: deepSeek ? 'DeepSeek (server)' : `${new URL(baseUrl).host} (server)`,
  };
}

/** The built-in Demo provider's entry. */
export const DEMO_PROVIDER = /** @type {const} */ ({
  id: 'demo',
  name: 'Demo',
  baseUrl: '/api/demo/v1',
  model: DEMO_MODEL_ID,
  kind: 'demo',
});

/**
 * The body of `GET /api/server-providers`.
 * @param {Upstream | null} upstream
 * @returns {{ providers: ServerProvider[], defaultProviderId: string }}
 */
export function serverProviders(upstream) {
  /** @type {ServerProvider[]} */
  const providers = [{ ...DEMO_PROVIDER }];
  if (!upstream) return { providers, defaultProviderId: 'demo' };
  providers.unshift({
    id: 'server',
    name: upstream.name,
    baseUrl: '/api/proxy/v1',
    model: upstream.model,
    kind: 'proxy',
  });
  return { providers, defaultProviderId: 'server' };
}

/**
 * The startup line that says which provider is the default.
 * @param {Upstream | null} upstream
 */
function describeProvider(upstream) {
  if (!upstream) {
    return 'Provider: Demo (no API key configured; set RUMINATE_BASE_URL / RUMINATE_API_KEY / RUMINATE_MODEL or DEEPSEEK_API_KEY to use a real model)';
  }
  const key = upstream.apiKey ? 'key kept on the server' : 'no API key';
  const model = upstream.model ? `model ${upstream.model}` : 'model chosen in the app';
  return `Provider: ${upstream.baseUrl} via the server proxy (${key}), ${model}`;
}

/**
 * Sends a JSON body.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache',
    ...headers,
  });
  res.end(text);
}

/**
 * Sends an OpenAI-style JSON error.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {string} type
 * @param {Record<string, string>} [headers]
 */
function sendError(res, status, message, type, headers) {
  sendJson(res, status, { error: { message, type } }, headers);
}

/**
 * Why a fetch failed, e.g. `connect ECONNREFUSED 127.0.0.1:9`.
 * @param {unknown} error
 * @returns {string}
 */
function failureReason(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = /** @type {{ message?: unknown, code?: unknown } | undefined} */ (error.cause);
  if (cause && cause.message === 'bad port') {
    return "bad port (Node's fetch refuses this port number; serve the upstream on another port)";
  }
  if (cause && typeof cause.message === 'string' && cause.message) return cause.message;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error.message;
}

/**
 * Forwards a request to the upstream API and streams its response back, event by event.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Upstream} upstream
 * @param {string} rest The path below `/api/proxy/v1/`, still percent-encoded.
 * @param {string} search The query string, with its `?`, or `''`.
 */
async function proxy(req, res, upstream, rest, search) {
  const target = `${upstream.baseUrl}/${rest}${search}`;
  const method = req.method ?? 'GET';
  const controller = new AbortController();
  // The browser went away (Stop, reload, closed tab): stop the upstream request too.
  res.on('close', () => controller.abort());

  /** @type {Uint8Array<ArrayBuffer> | undefined} */
  let body;
  if (method !== 'GET' && method !== 'HEAD') {
    const read = await readBody(req, MAX_BODY_BYTES);
    if (read === null) {
      return sendError(res, 413, 'The request body is too large.', 'invalid_request_error');
    }
    body = new Uint8Array(read);
  }

  // Only these request headers go upstream: no cookies, and never the browser's Authorization.
  /** @type {Record<string, string>} */
  const headers = {
    accept: req.headers.accept ?? '*/*',
    // Uncompressed, so that nothing between the upstream and the browser buffers events.
    'accept-encoding': 'identity',
  };
  const contentType = req.headers['content-type'];
  if (contentType) headers['content-type'] = contentType;
  if (upstream.apiKey) headers.authorization = `Bearer ${upstream.apiKey}`;

  /** @type {Response} */
  let upstreamResponse;
  try {
    upstreamResponse = await fetch(target, {
      method,
      headers,
      body,
      signal: controller.signal,
    });
  } catch (error) {
    if (controller.signal.aborted) return;
    return sendError(res, 502, `Could not reach ${target}: ${failureReason(error)}`, 'proxy_error');
  }

  /** @type {Record<string, string>} */
  const responseHeaders = { 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };
  const upstreamType = upstreamResponse.headers.get('content-type');
  if (upstreamType) responseHeaders['content-type'] = upstreamType;
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstreamResponse.headers.get(name);
    if (value !== null) responseHeaders[name] = value;
  }

  try {
    if (!upstreamResponse.ok && upstream.apiKey) {
      // Error bodies are small; make sure none quotes the key back.
      const text = (await upstreamResponse.text()).replaceAll(upstream.apiKey, '****');
      res.writeHead(upstreamResponse.status, {
        ...responseHeaders,
        'content-length': String(Buffer.byteLength(text)),
      });
      res.end(text);
      return;
    }
    res.writeHead(upstreamResponse.status, responseHeaders);
    res.flushHeaders();
    if (!upstreamResponse.body || method === 'HEAD') {
      res.end();
      return;
    }
    const webStream = /** @type {import('node:stream/web').ReadableStream<Uint8Array>} */ (
      /** @type {unknown} */ (upstreamResponse.body)
    );
    await pipeline(Readable.fromWeb(webStream), res);
  } catch {
    // The client left (the upstream request is aborted) or the upstream broke off mid-stream:
    // pipeline has destroyed the response, so the browser sees the stream end early.
    if (!res.headersSent) {
      sendError(res, 502, `The response from ${target} broke off.`, 'proxy_error');
    } else if (!res.destroyed) {
      res.destroy();
    }
  }
}

/**
 * Serves a file of the built app, or `index.html` for client-side routes.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string} distDir
 * @param {string} pathname Still percent-encoded.
 */
async function serveStatic(req, res, distDir, pathname) {
  /** @type {string} */
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendError(res, 400, 'Malformed URL.', 'invalid_request_error');
  }
  if (decoded.includes('\0')) return sendError(res, 400, 'Malformed URL.', 'invalid_request_error');

  let file = path.join(distDir, decoded);
  if (file !== distDir && !file.startsWith(distDir + path.sep)) {
    return sendError(res, 403, 'Forbidden.', 'invalid_request_error');
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    // Missing hashed assets get a real 404; anything else is a route of the single-page app.
    if (decoded.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    file = path.join(distDir, 'index.html');
    info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `Ruminate has not been built: ${file} is missing. Run \`npm start\` (or \`npm run build\`).\n`,
      );
      return;
    }
  }

  const immutable = path.relative(distDir, file).startsWith(`assets${path.sep}`);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'last-modified': info.mtime.toUTCString(),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res).catch(() => {
    if (!res.destroyed) res.destroy();
  });
}

/**
 * Reads the port from `PORT`: an integer 0–65535, 4173 when unset.
 * @param {string | undefined} value
 * @returns {number}
 */
function parsePort(value) {
  if (value === undefined || value.trim() === '') return 4173;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number from 0 to 65535, not "${value}".`);
  }
  return port;
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
  const shares = await openShares({
    env,
    repoRoot: REPO_ROOT,
    listenHost: host,
    serveApp: (req, res) => serveStatic(req, res, distDir, '/'),
  });

  const server = http.createServer(async (req, res) => {
    try {
      /** @type {URL} */
      let url;
      try {
        url = new URL(`http://localhost${req.url ?? '/'}`);
      } catch {
        return sendError(res, 400, 'Malformed URL.', 'invalid_request_error');
      }
      const { pathname, search } = url;
      const method = req.method ?? 'GET';

      if (pathname === '/api/server-providers') {
        if (method !== 'GET' && method !== 'HEAD') {
          return sendError(res, 405, 'Use GET.', 'invalid_request_error', { allow: 'GET, HEAD' });
        }
        return sendJson(res, 200, providers);
      }
      if (pathname === '/api/health') return sendJson(res, 200, { ok: true });
      if (pathname === '/api/capabilities')
        return sendJson(res, 200, { shares: shares.capabilities });
      if (await shares.handle(req, res, pathname, search)) return;
      if (pathname === '/api/proxy/v1' || pathname.startsWith('/api/proxy/v1/')) {
        if (!upstream) {
          return sendError(
            res,
            404,
            'No upstream provider is configured on this server: start it with RUMINATE_BASE_URL (and RUMINATE_API_KEY, RUMINATE_MODEL) or DEEPSEEK_API_KEY.',
            'proxy_error',
          );
        }
        return await proxy(req, res, upstream, pathname.slice('/api/proxy/v1/'.length), search);
      }
      if (pathname === '/api/demo/v1' || pathname.startsWith('/api/demo/v1/')) {
        const rest = pathname.slice('/api/demo/v1'.length) || '/';
        return await handleDemoRequest(req, res, rest, { speed: demoSpeed });
      }
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        return sendError(res, 404, `No API route ${pathname}.`, 'invalid_request_error');
      }
      if (method !== 'GET' && method !== 'HEAD') {
        return sendError(res, 405, 'Use GET.', 'invalid_request_error', { allow: 'GET, HEAD' });
      }
      return await serveStatic(req, res, distDir, pathname);
    } catch (error) {
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
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  log(`Ruminate is running at ${url}`);
  log(describeProvider(upstream));
  log(shares.description);
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
