/**
 * The HTTP routes of short share links:
 *   - `POST /api/shares?expiry=1d|30d|never` (body `application/octet-stream`, the sealed share,
 *     at most 5 MiB) → `201 { id, deleteToken, expiresAt }` (`expiresAt` ISO 8601 or `null`);
 *     413 when too large, 415 for another content type, 429 with `Retry-After` past 30 a minute
 *     from one client;
 *   - `GET /api/shares/:id` → the exact bytes stored (`Cache-Control: private, no-store`), 404
 *     when unknown, deleted or expired;
 *   - `DELETE /api/shares/:id` with `Authorization: Bearer <deleteToken>` → 204, 403 for a wrong
 *     token, 404;
 * The app's page `/s/:id` is served like any page of the app. The server's request guard has
 * checked Host, Origin and Sec-Fetch-Site before these routes run (`../request-guard.mjs`).
 * Nothing here logs: no body, key, token or address is written anywhere.
 */
import { readBody } from '../read-body.mjs';
import { sendJson as sendJsonWith } from '../send-json.mjs';
import { isExpiry } from './share-service.mjs';
import { MAX_SHARE_BYTES } from './share-store.mjs';

/** Creations allowed per client per minute. */
export const CREATES_PER_MINUTE = 30;

/**
 * @typedef {object} ShareRoutesOptions
 * @property {import('./share-service.mjs').ShareService} service
 * @property {import('./rate-limit.mjs').RateLimiter} limiter
 */

/**
 * A JSON answer that no cache keeps.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  sendJsonWith(res, status, body, { 'cache-control': 'no-store', ...headers });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 */
function sendError(res, status, message, headers) {
  sendJson(res, status, { error: { message, type: 'share_error' } }, headers);
}

/**
 * Makes the share routes' handler.
 * @param {ShareRoutesOptions} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, pathname: string, search: string) => Promise<boolean>}
 *   Handles `/api/shares` and `/api/shares/:id`; `false` for any other path.
 */
export function createShareRoutes({ service, limiter }) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} search
   */
  async function create(req, res, search) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/octet-stream') {
      return sendError(res, 415, 'Send the sealed share as application/octet-stream.');
    }
    const expiry = new URLSearchParams(search).get('expiry') ?? 'never';
    if (!isExpiry(expiry)) return sendError(res, 400, 'expiry must be 1d, 30d or never.');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_SHARE_BYTES) {
      return sendError(res, 413, 'A share may hold at most 5 MiB.', { connection: 'close' });
    }
    const allowed = limiter.take(req.socket.remoteAddress ?? '');
    if (!allowed.ok) {
      return sendError(res, 429, 'Too many links made from here: try again in a minute.', {
        'retry-after': String(allowed.retryAfterSeconds),
      });
    }
    const body = await readBody(req, MAX_SHARE_BYTES);
    if (body === null) {
      return sendError(res, 413, 'A share may hold at most 5 MiB.', { connection: 'close' });
    }
    if (body.length === 0) return sendError(res, 400, 'The share is empty.');
    const created = await service.create(body, expiry);
    const expiresAt = created.expiresAt === null ? null : new Date(created.expiresAt).toISOString();
    return sendJson(
      res,
      201,
      { id: created.id, deleteToken: created.deleteToken, expiresAt },
      { location: `/s/${created.id}` },
    );
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} id
   */
  async function one(req, res, id) {
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      const body = await service.read(id);
      if (body === null)
        return sendError(res, 404, 'No such share: deleted, expired or never made.');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      });
      res.end(method === 'HEAD' ? undefined : body);
      return;
    }
    if (method === 'DELETE') {
      const match = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(req.headers.authorization ?? '');
      if (match === null) {
        return sendError(res, 401, 'Send the delete token as Authorization: Bearer <token>.', {
          'www-authenticate': 'Bearer',
        });
      }
      const outcome = await service.remove(id, /** @type {string} */ (match[1]));
      if (outcome === 'deleted') {
        res.writeHead(204, { 'cache-control': 'no-store' });
        res.end();
        return;
      }
      if (outcome === 'forbidden')
        return sendError(res, 403, 'That delete token is not this share’s.');
      return sendError(res, 404, 'No such share: deleted, expired or never made.');
    }
    return sendError(res, 405, 'Use GET or DELETE.', { allow: 'GET, HEAD, DELETE' });
  }

  return async function handleShareRoute(req, res, pathname, search) {
    if (pathname !== '/api/shares' && !pathname.startsWith('/api/shares/')) return false;
    const method = req.method ?? 'GET';
    try {
      if (pathname !== '/api/shares') await one(req, res, pathname.slice('/api/shares/'.length));
      else if (method === 'POST') await create(req, res, search);
      else sendError(res, 405, 'Use POST.', { allow: 'POST' });
    } catch (error) {
      // A database error's details can quote the row (sealed body, token hash): log its code only.
      const code = /** @type {{ code?: unknown }} */ (error)?.code;
      console.error(`Ruminate share store error: ${typeof code === 'string' ? code : 'unknown'}`);
      if (!res.headersSent) sendError(res, 503, 'The share store is unavailable; try again.');
      else res.destroy();
    }
    return true;
  };
}
