/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * Sends a JSON body on one line.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
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
 * Sends an OpenAI-style JSON error, `{"error":{"message":…,"type":…}}`, which the app shows as the
 * provider's message. The message says why in one sentence and never quotes an upstream URL.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {string} type E.g. `invalid_request_error`, `forbidden`, `proxy_error`.
 * @param {Record<string, string>} [headers]
 */
export function sendError(res, status, message, type, headers) {
  sendJson(res, status, { error: { message, type } }, headers);
}
