/**
 * Serves the built app from `dist/`: files by path, `index.html` for the single-page app's
 * routes, a 404 for missing hashed assets. Paths are resolved with `realpath`, so neither `..` nor
 * a symbolic link inside `dist/` can reach a file outside it.
 */

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sendError } from './send-json.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * A regular file's real path and size when it exists inside `realDist` (itself a real path);
 * `null` when it is missing, not a regular file, or outside (through `..` or a symbolic link).
 * @param {string} realDist
 * @param {string} file
 * @returns {Promise<{ file: string, info: import('node:fs').Stats } | null>}
 */
async function resolveInside(realDist, file) {
  const real = await realpath(file).catch(() => null);
  if (real === null || (real !== realDist && !real.startsWith(realDist + path.sep))) return null;
  const info = await stat(real).catch(() => null);
  if (info?.isDirectory()) return resolveInside(realDist, path.join(real, 'index.html'));
  return info?.isFile() ? { file: real, info } : null;
}

/**
 * Serves a file of the built app, or `index.html` for client-side routes. The caller has set the
 * app's security headers on `res`.
 * @param {IncomingMessage} req A GET or HEAD.
 * @param {ServerResponse} res
 * @param {string} distDir An absolute path.
 * @param {string} pathname Still percent-encoded.
 * @returns {Promise<void>} Resolves when the response is complete or the client has gone.
 */
export async function serveStatic(req, res, distDir, pathname) {
  /** @type {string} */
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendError(res, 400, 'Malformed URL.', 'invalid_request_error');
  }
  if (decoded.includes('\0')) return sendError(res, 400, 'Malformed URL.', 'invalid_request_error');

  const realDist = await realpath(distDir).catch(() => distDir);
  const joined = path.join(realDist, decoded);
  if (joined !== realDist && !joined.startsWith(realDist + path.sep)) {
    return sendError(res, 403, 'Forbidden.', 'invalid_request_error');
  }
  let found = await resolveInside(realDist, joined);
  if (!found) {
    // Missing hashed assets get a real 404; anything else is a route of the single-page app.
    if (decoded.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    found = await resolveInside(realDist, path.join(realDist, 'index.html'));
    if (!found) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Ruminate has not been built: run `npm start` (or `npm run build`).\n');
      return;
    }
  }

  const { file, info } = found;
  const immutable = path.relative(realDist, file).startsWith(`assets${path.sep}`);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'last-modified': info.mtime.toUTCString(),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res).catch(() => {
    if (!res.destroyed) res.destroy();
  });
}
