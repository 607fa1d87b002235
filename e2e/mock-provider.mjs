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
 *
 * The parts live in `e2e/mock/`: the model names (`mock-model.mjs`), the streaming route
 * (`stream-route.mjs`), the paced replay (`replay.mjs`), HTTP errors (`provider-error.mjs`) and
 * CORS (`cors.mjs`).
 */

import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readText } from '../server/read-body.mjs';
import { CORS_HEADERS, sendCorsJson, sendPreflight } from './mock/cors.mjs';
import { DEFAULT_DELAY_MS, recordingNames } from './mock/mock-model.mjs';
import { handleStreamRequest } from './mock/stream-route.mjs';
import { routeExtras, withoutCors } from './support/mock-extras.mjs';

export { parseMockModel } from './mock/mock-model.mjs';

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

      if (method === 'OPTIONS') return sendPreflight(req, res);

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
        return await handleStreamRequest(req, res, body, bodyIsJson, {
          streamsDir,
          defaultDelayMs,
        });
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
