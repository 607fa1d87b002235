/**
 * Sends one HTTP request exactly as given (the path is not normalized, any `Host` can be set), the
 * way curl or a hostile client would, and reads the whole response.
 */

import http from 'node:http';

/**
 * @typedef {object} RawResponse
 * @property {number} status
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} body As UTF-8.
 */

/**
 * @param {string} origin E.g. `http://127.0.0.1:4173`.
 * @param {{ method?: string, path: string, headers?: Record<string, string>, body?: string | Buffer }} request
 *   The path is sent verbatim; `Content-Length` is set from `body` unless given.
 * @returns {Promise<RawResponse>}
 */
export function rawRequest(origin, { method = 'GET', path, headers = {}, body }) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, method, path, headers, agent: false, setHost: !('host' in headers) },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
