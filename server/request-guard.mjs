/**
 * Checks that a request comes from this app's own page, before any route sees it. The server holds
 * an API key, so a page on another site must not be able to spend it: not by DNS rebinding (a
 * foreign name resolving to 127.0.0.1 sends a foreign `Host`), not by a cross-site `fetch` or form
 * post (a foreign `Origin`, `Sec-Fetch-Site: cross-site`, or a `text/plain` body that needs no CORS
 * preflight), and not by a path that a URL parser further along would read differently.
 *
 * Rules, in order (each refusal is a 4xx with a one-line JSON error):
 *   1. every request: `Host` is one of {@link allowedHostValues} (403);
 *   2. `/api/*`: the raw path has no encoded slash, backslash or dot and no `.`/`..` segment (400);
 *   3. `/api/*`: `Origin`, when sent, is this server's own origin (403);
 *   4. `/api/*`: `Sec-Fetch-Site`, when sent, is `same-origin` or `none` (403);
 *   5. `/api/*`: POST, PUT and PATCH bodies are `application/json` (415), except the sealed bytes
 *      of `POST /api/shares`, `application/octet-stream`: neither type can be sent cross-site
 *      without a CORS preflight, which this server never grants.
 * A request with no `Origin` and no `Sec-Fetch-*` headers does not come from a browser page (curl,
 * scripts on this machine), and passes rules 3 and 4. Headers per the Fetch standard
 * (fetch.spec.whatwg.org, `Origin` and "Sec-Fetch-Site" in Fetch Metadata, w3c.github.io/webappsec-fetch-metadata).
 */

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */

/**
 * Why a request is refused.
 * @typedef {object} Refusal
 * @property {number} status A 4xx status.
 * @property {string} message One sentence saying why and, where it helps, what to do.
 * @property {string} type The error `type` of the JSON body.
 */

/** Names that always reach this machine itself. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
/** Listening on these means "every interface": they are not names a browser uses. */
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '[::]', '::']);
const UNSAFE_BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const FETCH_SITES_ALLOWED = new Set(['same-origin', 'none']);
/** Routes whose body is raw bytes, and their one content type. */
const OCTET_STREAM_ROUTES = new Set(['/api/shares']);
/** Encoded `/`, `\` and `.`, a raw `\`, and `.` or `..` segments, anywhere in the raw path. */
const AMBIGUOUS_PATH = /%2f|%5c|%2e|\\|(?:^|\/)\.{1,2}(?:\/|$)/i;

/**
 * The `Host` header values this server answers to: each name with the listening port, and the bare
 * name too on port 80 (where browsers leave the port out). The names are `127.0.0.1`, `localhost`,
 * `[::1]`, the listening host unless it is a wildcard (`0.0.0.0`, `::`), and `extraNames` (from
 * `RUMINATE_ALLOWED_HOSTS`).
 * @param {{ listenHost: string, port: number, extraNames?: readonly string[] }} options
 *   `port` is the port actually listened on; names in `extraNames` are lower case, IPv6 in brackets.
 * @returns {Set<string>} Lower-case `host:port` values.
 */
export function allowedHostValues({ listenHost, port, extraNames = [] }) {
  const listen = listenHost.toLowerCase();
  const bracketed = listen.includes(':') && !listen.startsWith('[') ? `[${listen}]` : listen;
  const names = [...LOOPBACK_NAMES, ...extraNames];
  if (!WILDCARD_HOSTS.has(bracketed)) names.push(bracketed);
  const values = new Set();
  for (const name of names) {
    values.add(`${name}:${port}`);
    if (port === 80) values.add(name);
  }
  return values;
}

/**
 * Rule 1: the `Host` header names this server (not a DNS-rebinding name).
 * @param {IncomingMessage} req
 * @param {ReadonlySet<string>} allowedHosts From {@link allowedHostValues}.
 * @returns {Refusal | null}
 */
export function checkHost(req, allowedHosts) {
  const host = (req.headers.host ?? '').toLowerCase();
  if (allowedHosts.has(host)) return null;
  return {
    status: 403,
    message:
      host === ''
        ? 'The request has no Host header.'
        : `This server does not answer to the host name "${host.slice(0, 100)}"; to reach it under another name, list that name in RUMINATE_ALLOWED_HOSTS.`,
    type: 'forbidden_host',
  };
}

/**
 * Rules 2–5 for a request below `/api/`, once {@link checkHost} has passed.
 * @param {IncomingMessage} req
 * @returns {Refusal | null}
 */
export function checkApiRequest(req) {
  const rawPath = (req.url ?? '/').split('?')[0];
  if (AMBIGUOUS_PATH.test(rawPath)) {
    return {
      status: 400,
      message: 'API paths may not contain encoded slashes or dots, backslashes or dot segments.',
      type: 'invalid_request_error',
    };
  }
  const host = (req.headers.host ?? '').toLowerCase();
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
    return {
      status: 403,
      message: "Requests from other sites are refused: only this app's own page may call its API.",
      type: 'forbidden_origin',
    };
  }
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && !FETCH_SITES_ALLOWED.has(site)) {
    return {
      status: 403,
      message: `Requests from other sites are refused (Sec-Fetch-Site: ${site.slice(0, 20)}).`,
      type: 'forbidden_origin',
    };
  }
  if (UNSAFE_BODY_METHODS.has(req.method ?? '')) {
    const isBytes = OCTET_STREAM_ROUTES.has(rawPath);
    const type = isBytes ? 'application/octet-stream' : 'application/json';
    if (mediaType(req.headers['content-type']) !== type) {
      return {
        status: 415,
        message: `A ${req.method} to ${isBytes ? rawPath : 'this API'} needs Content-Type: ${type}.`,
        type: 'invalid_request_error',
      };
    }
  }
  return null;
}

/**
 * The media type of a `Content-Type` value, lower case, without parameters.
 * @param {string | undefined} value
 */
function mediaType(value) {
  return (value ?? '').split(';')[0].trim().toLowerCase();
}
