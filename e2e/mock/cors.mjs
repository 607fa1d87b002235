/** The mock provider's CORS: open to every origin, with the preflight answers browsers expect. */

import { sendJson } from '../../server/send-json.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** The header that opens a response to every origin. */
export const CORS_HEADERS = { 'access-control-allow-origin': '*' };
const ALLOWED_HEADERS = ['authorization', 'content-type'];

/**
 * Sends a JSON body with the CORS header.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendCorsJson(res, status, body, headers = {}) {
  sendJson(res, status, body, { ...CORS_HEADERS, ...headers });
}

/**
 * Answers a CORS preflight (`OPTIONS`): the methods the mock serves and every header asked for.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export function sendPreflight(req, res) {
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
}
