/**
 * A stand-in upstream provider for the proxy's tests: it records every request it receives
 * (method, path, headers, body) and answers with whatever the test's responder writes.
 */

import http from 'node:http';

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path With its query string, as received.
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {Buffer} body
 */

/**
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: Buffer) => void} Responder
 */

/**
 * Starts the upstream on a free port of 127.0.0.1. By default it answers `{"ok":true}`.
 * @returns {Promise<{ url: string, requests: RecordedRequest[], respond: (responder: Responder) => void, closed: () => Promise<void>, close: () => Promise<void> }>}
 *   `closed()` resolves when the next response's connection closes (the proxy went away).
 */
export async function startRecordingUpstream() {
  /** @type {RecordedRequest[]} */
  const requests = [];
  /** @type {Responder} */
  let responder = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
  /** @type {(() => void)[]} */
  let closeWaiters = [];
  const server = http.createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    res.on('close', () => {
      const waiters = closeWaiters;
      closeWaiters = [];
      for (const wake of waiters) wake();
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      responder(req, res, body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    respond(next) {
      responder = next;
    },
    closed: () => new Promise((resolve) => closeWaiters.push(() => resolve(undefined))),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
