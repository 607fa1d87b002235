/**
 * A deterministic local SSE server for the streaming benchmark. It answers OpenAI-style
 * `POST /v1/chat/completions` requests whose `model` encodes the workload, e.g.
 * `bench:r=25000,a=4000,rate=3000,tpe=1,burst=1,seed=1` (see `workload-model.mjs`):
 * `reasoning_content` deltas, then `content` deltas, a finish chunk, a usage chunk, `data: [DONE]`.
 *
 * Pacing is drift-free: write group `g` (of `burst` events of `tpe` tokens) is due at
 * `start + g * burst * tpe / rate` seconds; each wake-up writes every group that is due (one socket
 * write per group) and sleeps until the next is due, so timer granularity never slows the stream.
 * `rate=0` is the firehose: everything as fast as the socket drains.
 *
 * Routes: `POST /v1/chat/completions`, `GET /v1/models`, `GET /health`, and `GET /__last`: JSON
 * about the last stream (server-side first/last byte times as epoch ms, write times, lateness).
 * CORS is open. Run directly: `node bench/synth-server.mjs [port]` (4190 by default).
 */

import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { readText } from '../server/read-body.mjs';
import { sendJson } from '../server/send-json.mjs';
import { buildStreamPlan } from './stream-plan.mjs';
import { parseModel } from './workload-model.mjs';

/**
 * What the server knows about one stream.
 * @typedef {object} StreamRecord
 * @property {string} model The requested model name.
 * @property {import('./workload-model.mjs').WorkloadParams} params
 * @property {number} requestAt Epoch ms (sub-ms precision) when the request arrived.
 * @property {number} firstByteAt Epoch ms of the first body write; `NaN` before it.
 * @property {number} lastByteAt Epoch ms of the last body write; `NaN` before it.
 * @property {number[]} writeTimes Per write group, ms after `firstByteAt` when it was written.
 * @property {number} frames SSE events written.
 * @property {number} tokens Tokens written.
 * @property {number} bytes Body bytes written.
 * @property {number} maxLateMs The latest a group was written after its due time.
 * @property {boolean} complete Whether the whole stream was written.
 * @property {boolean} aborted Whether the client went away first.
 */

/**
 * @typedef {object} SynthServerOptions
 * @property {number} [port] 0 (a free port) by default.
 * @property {string} [host] `127.0.0.1` by default.
 */

/**
 * @typedef {object} RunningSynthServer
 * @property {string} url E.g. `http://127.0.0.1:4190` (the API is under `/v1`).
 * @property {number} port
 * @property {() => StreamRecord | undefined} last The newest stream's record.
 * @property {() => Promise<void>} close
 */

const CORS_HEADERS = { 'access-control-allow-origin': '*' };

/** Wall-clock epoch milliseconds with sub-millisecond precision. */
const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Sends a JSON body with the CORS header.
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendCorsJson(res, status, body) {
  sendJson(res, status, body, CORS_HEADERS);
}

/**
 * Streams a plan to a response with drift-free pacing.
 * @param {http.ServerResponse} res
 * @param {import('./stream-plan.mjs').StreamPlan} plan
 * @param {StreamRecord} record
 */
async function stream(res, plan, record) {
  const { rate, tpe, burst } = plan.params;
  /** Group payloads, encoded once. */
  const payloads = plan.groups.map((first, g) => {
    const end = g + 1 < plan.groups.length ? plan.groups[g + 1] : plan.frames.length;
    return Buffer.from(plan.frames.slice(first, end).join(''), 'utf8');
  });
  const groupTokens = plan.groups.map((first, g) => {
    const end = g + 1 < plan.groups.length ? plan.groups[g + 1] : plan.frames.length;
    return plan.frameTokens[end - 1] - (first > 0 ? plan.frameTokens[first - 1] : 0);
  });
  const groupFrames = plan.groups.map((first, g) =>
    g + 1 < plan.groups.length ? plan.groups[g + 1] - first : plan.frames.length - first,
  );
  const intervalMs = rate > 0 ? (burst * tpe * 1000) / rate : 0;
  let gone = false;
  res.on('close', () => {
    gone = true;
  });
  res.writeHead(200, {
    ...CORS_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  res.flushHeaders();

  const start = performance.now();
  let next = 0;
  /** @param {number} g */
  const write = (g) => {
    const now = epochNow();
    if (g === 0) record.firstByteAt = now;
    record.lastByteAt = now;
    record.writeTimes.push(Math.round((now - record.firstByteAt) * 100) / 100);
    record.frames += groupFrames[g];
    record.tokens += groupTokens[g];
    record.bytes += payloads[g].length;
    return res.write(payloads[g]);
  };

  if (intervalMs === 0) {
    // Firehose: as fast as the socket drains.
    while (next < payloads.length && !gone) {
      const ok = write(next++);
      if (!ok && !gone) {
        await new Promise((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve(undefined);
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
  } else {
    await new Promise((resolve) => {
      const tick = () => {
        if (gone) return resolve(undefined);
        const elapsed = performance.now() - start;
        // Every group whose due time has come, one write each.
        while (next < payloads.length && next * intervalMs <= elapsed) {
          record.maxLateMs = Math.max(record.maxLateMs, elapsed - next * intervalMs);
          write(next++);
        }
        if (next >= payloads.length) return resolve(undefined);
        const wait = next * intervalMs - (performance.now() - start);
        setTimeout(tick, Math.max(0, wait));
      };
      tick();
    });
  }
  if (!gone) {
    record.complete = true;
    res.end();
  } else {
    record.aborted = true;
  }
}

/**
 * Starts the synthetic provider.
 * @param {SynthServerOptions} [options]
 * @returns {Promise<RunningSynthServer>}
 */
export async function startSynthServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  /** @type {StreamRecord | undefined} */
  let lastRecord;

  const server = http.createServer({ noDelay: true }, async (req, res) => {
    try {
      const method = req.method ?? 'GET';
      const pathname = (req.url ?? '/').split('?')[0];
      if (method === 'OPTIONS') {
        res.writeHead(204, {
          ...CORS_HEADERS,
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers':
            req.headers['access-control-request-headers'] ?? 'authorization, content-type',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      if (pathname === '/health') {
        res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/plain' });
        res.end('ok');
        return;
      }
      if (pathname === '/__last') {
        return sendCorsJson(res, lastRecord ? 200 : 404, lastRecord ?? { error: 'no stream yet' });
      }
      if (pathname === '/v1/models' && method === 'GET') {
        return sendCorsJson(res, 200, {
          object: 'list',
          data: [
            { id: 'bench:r=800,a=600,rate=80', object: 'model', created: 0, owned_by: 'bench' },
          ],
        });
      }
      if (pathname === '/v1/chat/completions' && method === 'POST') {
        const text = await readText(req);
        /** @type {unknown} */
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const rawModel =
          body && typeof body === 'object' ? /** @type {{ model?: unknown }} */ (body).model : '';
        const model = typeof rawModel === 'string' ? rawModel : '';
        const params = parseModel(model);
        if (!params) {
          return sendCorsJson(res, 404, {
            error: {
              message: `The model \`${model}\` is not a bench model (bench:r=…,a=…,rate=…).`,
              type: 'invalid_request_error',
              code: 'model_not_found',
            },
          });
        }
        const requestAt = epochNow();
        const plan = buildStreamPlan(params);
        /** @type {StreamRecord} */
        const record = {
          model,
          params,
          requestAt,
          firstByteAt: NaN,
          lastByteAt: NaN,
          writeTimes: [],
          frames: 0,
          tokens: 0,
          bytes: 0,
          maxLateMs: 0,
          complete: false,
          aborted: false,
        };
        lastRecord = record;
        await stream(res, plan, record);
        return;
      }
      sendCorsJson(res, 404, { error: { message: `No route ${method} ${pathname}` } });
    } catch (error) {
      if (!res.headersSent) sendCorsJson(res, 500, { error: { message: String(error) } });
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : (options.port ?? 0);
  /** @type {Promise<void> | undefined} */
  let closing;
  return {
    url: `http://${host}:${port}`,
    port,
    last: () => lastRecord,
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
  const port = Number(process.argv[2] ?? process.env.SYNTH_PORT ?? 4190);
  const synth = await startSynthServer({ port });
  console.log(`Synthetic SSE provider at ${synth.url}/v1`);
  const shutdown = () => void synth.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
