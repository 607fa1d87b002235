/**
 * A mock OpenAI-compatible provider for end-to-end tests. It replays real recorded provider
 * streams from `shared/streams/` (beside the repository; never copied into it), and can answer
 * with HTTP errors, stall, or cut the connection mid-stream, all selected by the request's `model`:
 *
 *   - `<name>`             replay `<name>.sse` verbatim, in odd-sized pieces (1–97 bytes), 4 ms after each event
 *   - `<name>~<ms>`        the same with `<ms>` milliseconds after each event (a slow stream)
 *   - `<name>@<n>`         the same at `<n>` events per second, drift-free (event k is due k/n s after
 *                          the first; these recordings carry about one token per event)
 *   - `bench:r=…,a=…,rate=…` the benchmark's synthetic reply (`bench/stream-plan.mjs`), one token per
 *                          event at `rate` tokens per second
 *   - `http-<status>`      that status with a provider-style JSON error body
 *   - `http-<status>-text` that status with a plain-text body
 *   - `stall-<ms>:<name>`  the first half of the recording, a pause of `<ms>`, then the rest
 *   - `cut:<name>`         the first half of the recording, then the socket is destroyed
 *   - `synthetic-<kind>`   a synthetic stream from `synthetic-streams.mjs`, replayed the same way
 *   - `echo`, `echo~<ms>`  the last user message streamed back as the answer (`support/echo-reply.mjs`)
 *   - `synth-<kind>`       a synthetic reasoning trace (`support/synthetic-traces.mjs`), replayed the same way
 *   - anything else        404 `model_not_found`
 *
 * Routes: `GET /health`, `GET /v1/models`, `POST /v1/chat/completions` (and `/v1/responses`,
 * `/v1/messages` for the Responses and Anthropic styles), and `GET` / `DELETE`
 * `/__requests` (the log of every other request: method, path, headers, parsed JSON body).
 * CORS is open. `e2e/support/mock-extras.mjs` adds `/auth/v1/*` (401 without the right key),
 * `/no-cors/v1/*` (no CORS headers) and the `continue-join` models. Run directly: `node e2e/mock-provider.mjs` (port `MOCK_PORT`, 4180 by default).
 */

import { readFile, readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildStreamPlan } from '../bench/stream-plan.mjs';
import { parseModel as parseBenchModel } from '../bench/workload-model.mjs';
import { readText } from '../server/read-body.mjs';
import { sendJson } from '../server/send-json.mjs';
import { routeExtras, streamScripted, withoutCors } from './support/mock-extras.mjs';
import { echoStream, parseEchoModel } from './support/echo-reply.mjs';
import { mulberry32 } from './support/prng.mjs';
import { SYNTHETIC_STREAMS } from './synthetic-streams.mjs';
import { SYNTHETIC_TRACES } from './support/synthetic-traces.mjs';

/**
 * Streams written by us, served like recordings by name: provider dialects and reasoning traces.
 * @type {Record<string, () => Buffer>}
 */
const SYNTHETIC = { ...SYNTHETIC_STREAMS, ...SYNTHETIC_TRACES };

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * One logged request.
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path The request target, with its query string.
 * @property {import('node:http').IncomingHttpHeaders} headers Lower-case names.
 * @property {unknown} body Parsed JSON; the raw text when it is not JSON; `null` when empty.
 * @property {number} time `Date.now()` when the request arrived.
 */

/**
 * What a request's `model` asks for.
 * @typedef {{ kind: 'http', status: number, text: boolean }
 *   | { kind: 'replay', name: string, delayMs: number, rate: number, mode: 'full' | 'cut' | 'stall', stallMs: number }
 * } MockPlan
 */

/**
 * @typedef {object} MockOptions
 * @property {number} [port] 4180 by default; 0 picks a free port.
 * @property {string} [host] `127.0.0.1` by default.
 * @property {string} [streamsDir] The recordings; `<repo>/../shared/streams` by default.
 * @property {number} [delayMs] Default pause after each SSE event: 4 ms.
 */

/**
 * @typedef {object} RunningMock
 * @property {string} url E.g. `http://127.0.0.1:4180` (the API is under `/v1`).
 * @property {number} port
 * @property {() => Promise<void>} close
 * @property {LoggedRequest[]} requests The live request log (`DELETE /__requests` empties it).
 */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The recordings live beside the repository, in `shared/streams/`. */
export const DEFAULT_STREAMS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'streams');
const DEFAULT_DELAY_MS = 4;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const CORS_HEADERS = { 'access-control-allow-origin': '*' };
const ALLOWED_HEADERS = ['authorization', 'content-type'];

/**
 * Error `type` for an HTTP status, in the style of DeepSeek and OpenAI.
 * @param {number} status
 */
function errorType(status) {
  if (status === 400 || status === 404 || status === 422) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'unknown_error';
}

/**
 * Reads what a `model` value asks for; `null` when it names nothing the mock knows.
 * @param {string} model
 * @param {ReadonlySet<string>} names The recording names.
 * @param {number} defaultDelayMs
 * @returns {MockPlan | null}
 */
export function parseMockModel(model, names, defaultDelayMs = DEFAULT_DELAY_MS) {
  const httpMatch = /^http-(\d{3})(-text)?$/.exec(model);
  if (httpMatch) {
    const status = Number(httpMatch[1]);
    return status >= 200 && status <= 599
      ? { kind: 'http', status, text: Boolean(httpMatch[2]) }
      : null;
  }
  /**
   * `<name>`, `<name>~<ms>` or `<name>@<events per second>`.
   * @param {string} value
   */
  const recording = (value) => {
    const match = /^(.+?)(?:~(\d+)|@(\d+))?$/.exec(value);
    if (!match || !NAME_PATTERN.test(match[1]) || !names.has(match[1])) return null;
    const rate = match[3] === undefined ? 0 : Number(match[3]);
    const delayMs = match[2] !== undefined ? Number(match[2]) : rate > 0 ? 0 : defaultDelayMs;
    return { name: match[1], delayMs, rate };
  };
  const stall = /^stall-(\d+):(.+)$/.exec(model);
  if (stall) {
    const target = recording(stall[2]);
    return target && { kind: 'replay', ...target, mode: 'stall', stallMs: Number(stall[1]) };
  }
  const cut = /^cut:(.+)$/.exec(model);
  if (cut) {
    const target = recording(cut[1]);
    return target && { kind: 'replay', ...target, mode: 'cut', stallMs: 0 };
  }
  const target = recording(model);
  return target && { kind: 'replay', ...target, mode: 'full', stallMs: 0 };
}

/**
 * FNV-1a hash of a string, the PRNG seed for a recording.
 * @param {string} text
 */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The names of the recordings (`<name>.sse`), sorted.
 * @param {string} streamsDir
 * @returns {Promise<string[]>}
 */
async function recordingNames(streamsDir) {
  const files = await readdir(streamsDir).catch(() => /** @type {string[]} */ ([]));
  return files
    .filter((file) => file.endsWith('.sse'))
    .map((file) => file.slice(0, -'.sse'.length))
    .filter((name) => NAME_PATTERN.test(name))
    .sort();
}

/**
 * Sends a JSON body with the CORS header.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendCorsJson(res, status, body, headers = {}) {
  sendJson(res, status, body, { ...CORS_HEADERS, ...headers });
}

/**
 * Writes a chunk and waits until it has been handed to the socket.
 * @param {ServerResponse} res
 * @param {Uint8Array} chunk
 * @returns {Promise<void>}
 */
function writeFlushed(res, chunk) {
  return new Promise((resolve, reject) => {
    res.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Whether `part[from..to)` holds the blank line that ends an SSE event (LF LF, or CRLF CRLF).
 * @param {Buffer} part
 * @param {number} from
 * @param {number} to
 */
function completesEvent(part, from, to) {
  for (let i = Math.max(from, 1); i < to; i++) {
    if (part[i] !== 0x0a) continue;
    if (part[i - 1] === 0x0a || (part[i - 1] === 0x0d && part[i - 2] === 0x0a)) return true;
  }
  return false;
}

/**
 * Replays a recording in the way `plan` says.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Buffer} bytes
 * @param {Extract<MockPlan, { kind: 'replay' }>} plan
 */
async function replay(req, res, bytes, plan) {
  const random = mulberry32(hash(plan.name));
  let gone = false;
  res.on('close', () => {
    gone = true;
  });

  const start = performance.now();
  let events = 0;
  /**
   * Writes `part` in pieces of 1–97 bytes, pausing `plan.delayMs` after each piece that completes
   * an SSE event, so the pace is per event whatever the piece sizes; with `plan.rate`, waiting
   * instead until the next event is due.
   * @param {Buffer} part
   */
  const writePieces = async (part) => {
    let offset = 0;
    while (offset < part.length && !gone) {
      const size = 1 + Math.floor(random() * 97);
      const end = Math.min(part.length, offset + size);
      await writeFlushed(res, part.subarray(offset, end));
      const isEventEnd = completesEvent(part, offset, end);
      offset = end;
      if (!isEventEnd || offset >= part.length) continue;
      events += 1;
      if (plan.delayMs > 0) await sleep(plan.delayMs);
      const dueMs = plan.rate > 0 ? (events * 1000) / plan.rate - (performance.now() - start) : 0;
      if (dueMs >= 1) await sleep(dueMs);
    }
  };

  res.writeHead(200, {
    ...CORS_HEADERS,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
  });
  res.flushHeaders();
  try {
    if (plan.mode === 'full') {
      await writePieces(bytes);
      res.end();
      return;
    }
    const half = Math.floor(bytes.length / 2);
    await writePieces(bytes.subarray(0, half));
    if (plan.mode === 'cut') {
      // Let the first half reach the client, then cut the connection without ending the body.
      await sleep(Math.max(plan.delayMs, 20));
      req.socket.destroy();
      return;
    }
    await sleep(plan.stallMs);
    await writePieces(bytes.subarray(half));
    res.end();
  } catch {
    // The client went away.
    if (!res.destroyed) res.destroy();
  }
}

/**
 * Starts the mock provider.
 * @param {MockOptions} [options]
 * @returns {Promise<RunningMock>}
 */
export async function startMockProvider(options = {}) {
  const port = options.port ?? 4180;
  const host = options.host ?? '127.0.0.1';
  const streamsDir = options.streamsDir ?? DEFAULT_STREAMS_DIR;
  const defaultDelayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  /** @type {LoggedRequest[]} */
  const requests = [];

  const server = http.createServer(async (req, res) => {
    try {
      const method = req.method ?? 'GET';
      const target = req.url ?? '/';
      let pathname = target.split('?')[0];
      const text = await readText(req);
      /** @type {unknown} */
      let body = null;
      let bodyIsJson = false;
      if (text !== '') {
        try {
          body = JSON.parse(text);
          bodyIsJson = true;
        } catch {
          body = text;
        }
      }

      if (pathname === '/__requests') {
        if (method === 'DELETE') {
          requests.length = 0;
          res.writeHead(204, CORS_HEADERS);
          res.end();
          return;
        }
        return sendCorsJson(res, 200, requests);
      }
      if (pathname === '/health') {
        res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/plain' });
        res.end('ok');
        return;
      }

      requests.push({ method, path: target, headers: req.headers, body, time: Date.now() });

      const extra = routeExtras(req, res, pathname);
      if (extra.handled) return;
      if (!extra.cors) withoutCors(res);
      pathname = extra.path;

      if (method === 'OPTIONS') {
        const requested = String(req.headers['access-control-request-headers'] ?? '')
          .split(',')
          .map((name) => name.trim().toLowerCase())
          .filter((name) => name !== '' && !ALLOWED_HEADERS.includes(name));
        res.writeHead(204, {
          ...CORS_HEADERS,
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': [...ALLOWED_HEADERS, ...requested].join(', '),
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }

      if (pathname === '/v1/models' && method === 'GET') {
        const names = await recordingNames(streamsDir);
        return sendCorsJson(res, 200, {
          object: 'list',
          data: names.map((id) => ({ id, object: 'model', created: 0, owned_by: 'mock-provider' })),
        });
      }

      // Every API style replays the same way; the test picks a recording of the matching style.
      const streamingPaths = ['/v1/chat/completions', '/v1/responses', '/v1/messages'];
      if (streamingPaths.includes(pathname) && method === 'POST') {
        if (!bodyIsJson || !body || typeof body !== 'object') {
          return sendCorsJson(res, 400, {
            error: {
              message: 'The request body is not a JSON object.',
              type: 'invalid_request_error',
              param: null,
              code: 'invalid_request_error',
            },
          });
        }
        const rawModel = /** @type {{ model?: unknown }} */ (body).model;
        const model = typeof rawModel === 'string' ? rawModel : '';
        const bench = parseBenchModel(model);
        if (bench) {
          const frames = buildStreamPlan({ ...bench, tpe: 1, burst: 1 }).frames;
          const rate = bench.rate;
          /** @type {MockPlan} */
          const benchPlan = {
            kind: 'replay',
            name: model,
            delayMs: 0,
            rate,
            mode: 'full',
            stallMs: 0,
          };
          return await replay(req, res, Buffer.from(frames.join(''), 'utf8'), benchPlan);
        }
        if (await streamScripted(res, model, body)) return;
        const echo = parseEchoModel(model);
        if (echo) {
          const delayMs = echo.delayMs ?? defaultDelayMs;
          /** @type {Extract<MockPlan, { kind: 'replay' }>} */
          const plan = { kind: 'replay', name: 'echo', delayMs, rate: 0, mode: 'full', stallMs: 0 };
          return await replay(req, res, echoStream(body), plan);
        }
        const plan = parseMockModel(
          model,
          new Set([...(await recordingNames(streamsDir)), ...Object.keys(SYNTHETIC)]),
          defaultDelayMs,
        );
        if (!plan) {
          return sendCorsJson(res, 404, {
            error: {
              message: `The model \`${model}\` does not exist`,
              type: 'invalid_request_error',
              code: 'model_not_found',
            },
          });
        }
        if (plan.kind === 'http') {
          /** @type {Record<string, string>} */
          const extra = plan.status === 429 ? { 'retry-after': '1' } : {};
          if (plan.text) {
            const message = `Upstream says no (${plan.status})`;
            res.writeHead(plan.status, {
              ...CORS_HEADERS,
              ...extra,
              'content-type': 'text/plain',
              'content-length': String(Buffer.byteLength(message)),
            });
            res.end(message);
            return;
          }
          const error =
            plan.status === 401
              ? {
                  message: 'Authentication Fails, Your api key: ****abcd is invalid',
                  type: 'authentication_error',
                  param: null,
                  code: 'invalid_request_error',
                }
              : {
                  message: `Mock provider error ${plan.status}`,
                  type: errorType(plan.status),
                  param: null,
                  code: errorType(plan.status),
                };
          return sendCorsJson(res, plan.status, { error }, extra);
        }
        const bytes = Object.hasOwn(SYNTHETIC, plan.name)
          ? SYNTHETIC[plan.name]()
          : await readFile(path.join(streamsDir, `${plan.name}.sse`));
        return await replay(req, res, bytes, plan);
      }

      return sendCorsJson(res, 404, {
        error: {
          message: `No route ${method} ${pathname}`,
          type: 'invalid_request_error',
          code: 'not_found',
        },
      });
    } catch (error) {
      console.error('mock provider error:', error);
      if (!res.headersSent) {
        sendCorsJson(res, 500, { error: { message: String(error), type: 'server_error' } });
      } else {
        res.destroy();
      }
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;

  /** @type {Promise<void> | undefined} */
  let closing;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    requests,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.MOCK_PORT || 4180);
  const mock = await startMockProvider({ port });
  const names = await recordingNames(DEFAULT_STREAMS_DIR);
  console.log(
    `Mock provider at ${mock.url}/v1 (${names.length} recordings in ${DEFAULT_STREAMS_DIR})`,
  );
  /** @param {NodeJS.Signals} signal */
  const shutdown = (signal) => {
    console.log(`Received ${signal}, shutting down.`);
    setTimeout(() => process.exit(0), 2000).unref();
    mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
