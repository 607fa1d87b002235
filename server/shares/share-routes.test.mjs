// The share routes over HTTP, through the real server with SQLite in a temporary directory.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../start.mjs';
import { MAX_SHARE_BYTES } from './share-store.mjs';

/** @type {string} */
let dir;
/** @type {import('../start.mjs').RunningServer} */
let running;
/** @type {string[]} */
const logged = [];

/**
 * A raw HTTP request, so Host and Sec-Fetch-* headers go out exactly as given.
 * @param {string} method
 * @param {string} pathname
 * @param {{ headers?: Record<string, string>, body?: Uint8Array }} [options]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }>}
 */
function request(method, pathname, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: running.port, method, path: pathname, headers },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', (error) => {
      // The server may close the connection once it has answered 413 to an oversized body.
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') return;
      reject(error);
    });
    req.end(body);
  });
}

const octet = { 'content-type': 'application/octet-stream' };

/** @param {Uint8Array} body @param {string} [query] */
async function create(body, query = '') {
  const response = await request('POST', `/api/shares${query}`, { headers: octet, body });
  return { ...response, json: JSON.parse(response.body.toString('utf8')) };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ruminate-routes-'));
  const distDir = path.join(dir, 'dist');
  mkdirSync(distDir);
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Ruminate app</title>');
  running = await startServer({
    port: 0,
    distDir,
    env: { RUMINATE_DATA_DIR: path.join(dir, 'data') },
    log: (line) => logged.push(line),
  });
});

afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('share routes', () => {
  it('advertises the store, and says where it is at startup', async () => {
    const response = await request('GET', '/api/capabilities');
    expect(JSON.parse(response.body.toString())).toEqual({
      shares: { maxBytes: MAX_SHARE_BYTES, expiries: ['1d', '30d', 'never'] },
    });
    expect(logged.join('\n')).toContain(`SQLite at ${path.join(dir, 'data', 'ruminate.db')}`);
  });

  it('creates, serves the exact bytes privately, and deletes with the token only', async () => {
    const body = randomBytes(5000);
    const created = await create(body, '?expiry=1d');
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      deleteToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const { id, deleteToken } = created.json;
    const read = await request('GET', `/api/shares/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('application/octet-stream');
    expect(read.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(read.body, body)).toBe(0);

    expect((await request('DELETE', `/api/shares/${id}`)).status).toBe(401);
    const wrong = await request('DELETE', `/api/shares/${id}`, {
      headers: { authorization: `Bearer ${'A'.repeat(43)}` },
    });
    expect(wrong.status).toBe(403);
    const right = await request('DELETE', `/api/shares/${id}`, {
      headers: { authorization: `Bearer ${deleteToken}` },
    });
    expect(right.status).toBe(204);
    expect((await request('GET', `/api/shares/${id}`)).status).toBe(404);
  });

  it('stores no delete token, and logs nothing per request', async () => {
    const before = logged.length;
    const { json } = await create(new Uint8Array([1, 2, 3]));
    const file = path.join(dir, 'data', 'ruminate.db');
    const bytes = Buffer.concat(
      ['', '-wal'].flatMap((suffix) => {
        try {
          return [readFileSync(file + suffix)];
        } catch {
          return [];
        }
      }),
    );
    expect(bytes.includes(Buffer.from(json.deleteToken))).toBe(false);
    expect(logged.length).toBe(before);
  });

  it('answers 413 past 5 MiB, 415 for another type, 400 for an unknown expiry', async () => {
    const big = await create(new Uint8Array(MAX_SHARE_BYTES + 1));
    expect(big.status).toBe(413);
    const typed = await request('POST', '/api/shares', {
      headers: { 'content-type': 'text/plain' },
      body: new Uint8Array([1]),
    });
    expect(typed.status).toBe(415);
    expect((await create(new Uint8Array([1]), '?expiry=forever')).status).toBe(400);
  });

  it('refuses cross-site changes and foreign Host names', async () => {
    const body = new Uint8Array([1]);
    const crossSite = await request('POST', '/api/shares', {
      headers: { ...octet, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await request('POST', '/api/shares', {
      headers: { ...octet, 'sec-fetch-site': 'same-site' },
      body,
    });
    expect(sameSite.status).toBe(403);
    const foreignOrigin = await request('POST', '/api/shares', {
      headers: { ...octet, origin: 'http://127.0.0.1:1' },
      body,
    });
    expect(foreignOrigin.status).toBe(403);
    const rebinding = await request('GET', '/api/shares/AAAAAAAAAAAAAAAA', {
      headers: { host: `attacker.example:${running.port}` },
    });
    expect(rebinding.status).toBe(403);
    const sameOrigin = await request('POST', '/api/shares', {
      headers: {
        ...octet,
        'sec-fetch-site': 'same-origin',
        origin: `http://127.0.0.1:${running.port}`,
      },
      body,
    });
    expect(sameOrigin.status).toBe(201);
  });

  it('serves the app at /s/:id without a referrer', async () => {
    const page = await request('GET', '/s/AAAAAAAAAAAAAAAA');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('Ruminate app');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('limits creation to 30 a minute per client, with Retry-After', async () => {
    /** @type {number[]} */
    const statuses = [];
    let retryAfter;
    for (let i = 0; i < 31; i += 1) {
      const response = await create(new Uint8Array([i]));
      statuses.push(response.status);
      retryAfter = response.headers['retry-after'];
    }
    // Earlier tests in this file made some links from this client already.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 201).length).toBeLessThan(30);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});
