/**
 * The key-keeping proxy: `/api/proxy/v1/<route>` forwards to the upstream provider's
 * `<base URL>/<route>`, adding the server's API key, which never reaches the browser.
 *
 * Rules (the request guard has already checked Host, Origin, Sec-Fetch-Site and the JSON type):
 *   - only `GET models`, `POST chat/completions`, `POST responses` and `POST messages` (also
 *     `v1/messages`, where the Anthropic style puts it) are forwarded: other paths 404, other
 *     methods 405;
 *   - a POST states its `Content-Length` (411) of at most 8 MiB (413); the body is piped upstream
 *     as it arrives, never buffered;
 *   - only JSON and `text/event-stream` bodies come back, streamed as they arrive; an error body of
 *     another type becomes a JSON error with the provider's status, any other body a 502;
 *   - no timeout: a model may think silently for many minutes, and the upstream request lives as
 *     long as the browser keeps its connection; it is aborted the moment the browser goes away;
 *   - error bodies never name the upstream URL (the server's log does), and upstream error bodies
 *     have the key masked.
 */

import http from 'node:http';
import https from 'node:https';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { sendError } from './send-json.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./config.mjs').Upstream} Upstream */

/** The largest request body forwarded, in bytes (8 MiB). */
export const MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024;
/** The largest upstream error body read to mask the key in it, in bytes. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;
/** How much of a plain-text upstream error is quoted, in UTF-16 code units. */
const MAX_QUOTED_ERROR_CHARS = 2000;

/** The routes forwarded, below the base URL, and the one method each accepts. */
export const FORWARDED_ROUTES = /** @type {ReadonlyMap<string, 'GET' | 'POST'>} */ (
  new Map([
    ['models', 'GET'],
    ['chat/completions', 'POST'],
    ['responses', 'POST'],
    ['messages', 'POST'],
    ['v1/messages', 'POST'],
  ])
);

/** Upstream response headers passed on besides the status and content type. */
const PASSED_RESPONSE_HEADERS = [
  'content-encoding',
  'retry-after',
  'x-request-id',
  'x-ratelimit-limit-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset-tokens',
];

/**
 * Keep-alive agents with no socket timeout (Node's global agent has a 5 s one, and `fetch` cuts a
 * silent body after 300 s): a reasoning model can send nothing for ten minutes and more.
 */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * Forwards one request to the upstream provider and streams its response back.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Upstream} upstream
 * @param {string} route The path below `/api/proxy/v1/`, raw (the guard refused encoded dots and
 *   slashes), e.g. `chat/completions`.
 * @param {string} search The query string with its `?`, or `''`.
 * @param {(line: string) => void} [logError] Where failures to reach the upstream are described
 *   (with its URL); `console.error` by default.
 * @returns {Promise<void>} Resolves when the response is complete or the client has gone.
 */
export async function proxyRequest(req, res, upstream, route, search, logError = console.error) {
  const method = req.method ?? 'GET';
  const allowed = FORWARDED_ROUTES.get(route);
  if (allowed === undefined) {
    return sendError(
      res,
      404,
      'The proxy forwards only GET models and POST chat/completions, responses and messages.',
      'not_found_error',
    );
  }
  if (method !== allowed) {
    return sendError(res, 405, `Use ${allowed} for ${route}.`, 'invalid_request_error', {
      allow: allowed,
    });
  }

  /** @type {Record<string, string>} */
  const headers = {
    accept: req.headers.accept ?? '*/*',
    // Uncompressed, so that nothing between the upstream and the browser buffers events.
    'accept-encoding': 'identity',
  };
  if (method === 'POST') {
    const length = req.headers['content-length'];
    if (length === undefined || !/^\d+$/.test(length)) {
      return sendError(
        res,
        411,
        'A POST to the proxy needs a Content-Length.',
        'invalid_request_error',
      );
    }
    if (Number(length) > MAX_REQUEST_BODY_BYTES) {
      return sendError(res, 413, 'The request body is larger than 8 MiB.', 'invalid_request_error');
    }
    headers['content-length'] = length;
    headers['content-type'] = req.headers['content-type'] ?? 'application/json';
  }
  // Anthropic's Messages API (the page sends `anthropic-version`) takes its key in `x-api-key`
  // (docs.anthropic.com/en/api/overview#authentication); every other style takes a Bearer token.
  const version = req.headers['anthropic-version'];
  if (typeof version === 'string') headers['anthropic-version'] = version;
  if (upstream.apiKey && typeof version === 'string') headers['x-api-key'] = upstream.apiKey;
  else if (upstream.apiKey) headers.authorization = `Bearer ${upstream.apiKey}`;

  const target = new URL(`${upstream.baseUrl}/${route}${search}`);
  const transport = target.protocol === 'https:' ? https : http;
  const controller = new AbortController();
  const upstreamRequest = transport.request(target, {
    method,
    headers,
    agent: AGENTS[/** @type {'http:' | 'https:'} */ (target.protocol)],
    signal: controller.signal,
  });
  // The browser went away (Stop, reload, closed tab, aborted upload): stop the upstream request.
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  req.on('error', () => controller.abort());
  // A failed upstream request stops taking the body; its error is answered below.
  upstreamRequest.on('error', () => req.unpipe(upstreamRequest));
  if (method === 'POST') req.pipe(upstreamRequest);
  else upstreamRequest.end();

  /** @type {IncomingMessage} */
  let upstreamResponse;
  try {
    [upstreamResponse] = await once(upstreamRequest, 'response');
  } catch (error) {
    if (res.destroyed) return;
    logError(`Proxy: could not reach ${target.origin}: ${describeFailure(error)}`);
    return sendError(
      res,
      502,
      `The upstream provider could not be reached (${errorCode(error)}); the server's log says more.`,
      'proxy_error',
    );
  }
  await relayResponse(res, upstreamResponse, upstream.apiKey);
}

/**
 * Streams an upstream response back, if its type is one the proxy passes on.
 * @param {ServerResponse} res
 * @param {IncomingMessage} upstreamResponse
 * @param {string} apiKey Masked in error bodies; `''` for none.
 */
async function relayResponse(res, upstreamResponse, apiKey) {
  const status = upstreamResponse.statusCode ?? 502;
  const contentType = upstreamResponse.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  /** @type {Record<string, string>} */
  const headers = { 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstreamResponse.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }

  try {
    if (status >= 300 && status < 400) {
      upstreamResponse.destroy();
      return sendError(
        res,
        502,
        `The upstream provider redirected the request (${status}); the proxy does not follow redirects, so check the server's base URL.`,
        'proxy_error',
      );
    }
    if (!isPassedType(mediaType)) {
      const quoted =
        status >= 400 && mediaType === 'text/plain'
          ? mask(await readBounded(upstreamResponse, MAX_ERROR_BODY_BYTES), apiKey)
              .trim()
              .slice(0, MAX_QUOTED_ERROR_CHARS)
          : '';
      upstreamResponse.destroy();
      const what = mediaType ? `a ${mediaType.slice(0, 100)} body` : 'a body of no stated type';
      if (status >= 400) {
        const message = quoted || `The upstream provider answered ${status} with ${what}.`;
        return sendError(res, status, message, 'upstream_error', headers);
      }
      return sendError(
        res,
        502,
        `The upstream provider answered with ${what}; the proxy passes on only JSON and event streams.`,
        'proxy_error',
      );
    }
    headers['content-type'] = contentType;
    if (status >= 400 && apiKey) {
      // Error bodies are small; make sure none quotes the key back (a compressed one cannot be
      // searched, so only its status is passed on).
      if (headers['content-encoding'] && headers['content-encoding'] !== 'identity') {
        upstreamResponse.destroy();
        delete headers['content-encoding'];
        return sendError(
          res,
          status,
          `The upstream provider answered ${status}.`,
          'upstream_error',
          headers,
        );
      }
      const text = mask(await readBounded(upstreamResponse, MAX_ERROR_BODY_BYTES), apiKey);
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return;
    }
    res.writeHead(status, headers);
    res.flushHeaders();
    await pipeline(upstreamResponse, res);
  } catch {
    // The browser left (the upstream request is destroyed) or the upstream broke off mid-stream:
    // the browser sees the stream end early.
    upstreamResponse.destroy();
    if (!res.headersSent) {
      sendError(res, 502, 'The upstream response broke off.', 'proxy_error');
    } else if (!res.destroyed) {
      res.destroy();
    }
  }
}

/**
 * Whether a media type is passed on: JSON (`application/json`, `application/*+json`) or SSE.
 * @param {string} mediaType Lower case, without parameters.
 */
function isPassedType(mediaType) {
  return (
    mediaType === 'text/event-stream' ||
    mediaType === 'application/json' ||
    /^application\/[a-z0-9.-]+\+json$/.test(mediaType)
  );
}

/**
 * Reads a body as UTF-8, up to `maxBytes` (the rest is dropped).
 * @param {IncomingMessage} stream
 * @param {number} maxBytes
 */
async function readBounded(stream, maxBytes) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) break;
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

/**
 * `text` with every occurrence of the key replaced by `****`.
 * @param {string} text
 * @param {string} apiKey `''` for none.
 */
function mask(text, apiKey) {
  return apiKey ? text.replaceAll(apiKey, '****') : text;
}

/**
 * A short code for a network failure, e.g. `ECONNREFUSED`, safe to show: it names no host.
 * @param {unknown} error
 */
function errorCode(error) {
  const code = /** @type {{ code?: unknown }} */ (error ?? {}).code;
  return typeof code === 'string' ? code : 'network error';
}

/**
 * The full reason of a network failure for the server's log, e.g. `connect ECONNREFUSED 127.0.0.1:9`.
 * @param {unknown} error
 */
function describeFailure(error) {
  return error instanceof Error ? error.message : String(error);
}
