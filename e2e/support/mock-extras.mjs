/**
 * Extra routes of the mock provider (`e2e/mock-provider.mjs`) for what recordings can't show:
 *
 *   - `/auth/v1/*`     answers 401 unless `Authorization: Bearer sk-mock-valid` or
 *                      `x-api-key: sk-mock-valid` is sent (preflights pass, as real APIs do);
 *                      with the key, the request goes on as under `/v1/*`;
 *   - `/no-cors/v1/*`  answers everything, preflights included, without CORS headers, so a
 *                      browser refuses to read it;
 *   - model `continue-join` / `continue-join-space`: a reply cut off at max tokens after
 *     "…one double root,", whose continuation (a request that carries an assistant turn) starts
 *     "and when" or " and when".
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { sendJson } from '../../server/send-json.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** The key `/auth/v1/*` accepts. */
export const MOCK_VALID_KEY = 'sk-mock-valid';

const CORS_HEADERS = { 'access-control-allow-origin': '*' };

/**
 * Where a request goes after its prefix: `{ path }` to go on as that path (with or without CORS),
 * or `{ handled: true }` when the extra route has answered.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string} pathname
 * @returns {{ handled: true } | { handled: false, path: string, cors: boolean }}
 */
export function routeExtras(req, res, pathname) {
  if (pathname.startsWith('/no-cors/')) {
    return { handled: false, path: pathname.slice('/no-cors'.length), cors: false };
  }
  if (!pathname.startsWith('/auth/')) return { handled: false, path: pathname, cors: true };
  const path = pathname.slice('/auth'.length);
  const auth = String(req.headers.authorization ?? '');
  const apiKey = String(req.headers['x-api-key'] ?? '');
  if (
    req.method === 'OPTIONS' ||
    auth === `Bearer ${MOCK_VALID_KEY}` ||
    apiKey === MOCK_VALID_KEY
  ) {
    return { handled: false, path, cors: true };
  }
  sendJson(
    res,
    401,
    {
      error: {
        message: 'Incorrect API key provided.',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    },
    CORS_HEADERS,
  );
  return { handled: true };
}

/**
 * One chat completions SSE event.
 * @param {Record<string, unknown>} delta
 * @param {string | null} [finishReason]
 */
function chunk(delta, finishReason = null) {
  const choices = [{ index: 0, delta, finish_reason: finishReason }];
  return `data: ${JSON.stringify({ id: 'mock-continue', object: 'chat.completion.chunk', choices })}\n\n`;
}

/**
 * Streams the `continue-join` replies; `false` when `model` is not one of them.
 * @param {ServerResponse} res
 * @param {string} model
 * @param {unknown} body The parsed request body.
 * @returns {Promise<boolean>}
 */
export async function streamScripted(res, model, body) {
  if (model !== 'continue-join' && model !== 'continue-join-space') return false;
  const messages = /** @type {{ messages?: { role?: string }[] }} */ (body).messages ?? [];
  const isContinuation = messages.some((message) => message.role === 'assistant');
  const events = isContinuation
    ? [
        chunk({ content: model === 'continue-join' ? 'and when' : ' and when' }),
        chunk({ content: ' x = 1 the curve touches the axis.' }),
        chunk({}, 'stop'),
      ]
    : [
        chunk({ reasoning_content: 'The discriminant is zero.' }),
        chunk({ content: 'The equation has one double root,' }),
        chunk({}, 'length'),
      ];
  res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/event-stream' });
  res.flushHeaders();
  await sleep(150);
  for (const event of events) {
    res.write(event);
    await sleep(20);
  }
  res.end('data: [DONE]\n\n');
  return true;
}

/**
 * Makes every response written through `res` go out without CORS headers.
 * @param {ServerResponse} res
 */
export function withoutCors(res) {
  const writeHead = res.writeHead.bind(res);
  /** @type {(status: number, headers?: Record<string, string>) => ServerResponse} */
  const stripped = (status, headers = {}) =>
    writeHead(
      status,
      Object.fromEntries(
        Object.entries(headers).filter(([name]) => !name.startsWith('access-control-')),
      ),
    );
  res.writeHead = /** @type {ServerResponse['writeHead']} */ (stripped);
}
