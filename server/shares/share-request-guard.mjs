/**
 * The Host / Origin / cross-site checks of the share routes:
 *   1. when the server listens on a loopback address, the `Host` header must name a loopback host
 *      (a DNS-rebinding page cannot reach the store through a name of its own);
 *   2. `POST` and `DELETE` must come from this origin: a browser's `Sec-Fetch-Site` must be
 *      `same-origin` (or `none`, typed by a person), and an `Origin` header must name this host.
 * Requests without those headers (curl, scripts) pass check 2: no browser sent them.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The host name of a `Host` header or an origin's host, lowercased, without the port.
 * @param {string} host
 */
function hostName(host) {
  const lower = host.toLowerCase();
  return lower.startsWith('[') ? lower.slice(0, lower.indexOf(']') + 1) : lower.split(':')[0];
}

/**
 * Whether an address the server listens on is loopback only.
 * @param {string} listenHost
 */
export function isLoopback(listenHost) {
  return LOOPBACK_HOSTS.has(listenHost) || listenHost.startsWith('127.');
}

/**
 * Checks a request to a share route.
 * @param {import('node:http').IncomingMessage} req
 * @param {{ listenHost: string }} options The address the server listens on.
 * @returns {{ status: number, message: string } | null} Why it is refused, or `null`.
 */
export function checkShareRequest(req, { listenHost }) {
  const host = req.headers.host ?? '';
  if (host === '') return { status: 400, message: 'A Host header is required.' };
  if (
    isLoopback(listenHost) &&
    !LOOPBACK_HOSTS.has(hostName(host)) &&
    !hostName(host).startsWith('127.')
  ) {
    return { status: 403, message: `This server does not answer for the host ${host}.` };
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return null;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'Shares can only be changed from this server’s own pages.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    /** @type {string | undefined} */
    let originHost;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost?.toLowerCase() !== host.toLowerCase()) {
      return { status: 403, message: 'Shares can only be changed from this server’s own pages.' };
    }
  }
  return null;
}
