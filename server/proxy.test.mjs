import http from 'node:http';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer } from './start.mjs';
import { MAX_REQUEST_BODY_BYTES } from './proxy.mjs';
import { rawRequest } from './testing/raw-request.mjs';
import { startRecordingUpstream } from './testing/recording-upstream.mjs';

const KEY = 'sk-server-secret-0123456789';
/** @type {Awaited<ReturnType<typeof startRecordingUpstream>>} */
let upstream;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let app;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  app = await startServer({
    port: 0,
    env: { RUMINATE_BASE_URL: `${upstream.url}/v1`, RUMINATE_API_KEY: KEY },
    distDir: 'no-such-dist',
    log: () => undefined,
  });
});

afterAll(async () => {
  await app.close();
  await upstream.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  upstream.respond((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});

/** What the page itself sends with a POST. */
const PAGE_POST = {
  'content-type': 'application/json',
  origin: '',
  'sec-fetch-site': 'same-origin',
};

/** @param {Record<string, string>} headers */
function fromPage(headers) {
  return { ...headers, ...(headers.origin === '' ? { origin: app.url } : {}) };
}

/** @param {string} body */
function parseError(body) {
  expect(body).toMatch(/^[^\n]+$/);
  return /** @type {{ error: { message: string, type: string } }} */ (JSON.parse(body)).error;
}

describe('the proxy forwards what the page sends', () => {
  it('POST chat/completions: the body unchanged, the server key added, the stream passed back', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      res.write('data: {"a":1}\n\n');
      res.end('data: [DONE]\n\n');
    });
    const body = JSON.stringify({
      model: 'm',
      stream: true,
      messages: [{ role: 'user', content: 'é' }],
    });
    const response = await rawRequest(app.url, {
      method: 'POST',
      path: '/api/proxy/v1/chat/completions',
      headers: {
        ...fromPage(PAGE_POST),
        authorization: 'Bearer sk-from-the-browser',
        cookie: 'a=b',
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('data: {"a":1}\n\ndata: [DONE]\n\n');
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(upstream.requests).toHaveLength(1);
    const [forwarded] = upstream.requests;
    expect(forwarded.method).toBe('POST');
    expect(forwarded.path).toBe('/v1/chat/completions');
    expect(forwarded.body.toString('utf8')).toBe(body);
    expect(forwarded.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(forwarded.headers.origin).toBeUndefined();
  });

  it('POST messages with anthropic-version: the server key goes in x-api-key, as Anthropic expects', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('event: message_stop\ndata: {}\n\n');
    });
    const response = await rawRequest(app.url, {
      method: 'POST',
      path: '/api/proxy/v1/messages',
      headers: { ...fromPage(PAGE_POST), 'anthropic-version': '2023-06-01' },
      body: '{"model":"m","stream":true,"messages":[]}',
    });
    expect(response.status).toBe(200);
    const [forwarded] = upstream.requests;
    expect(forwarded.headers['x-api-key']).toBe(KEY);
    expect(forwarded.headers['anthropic-version']).toBe('2023-06-01');
    expect(forwarded.headers.authorization).toBeUndefined();
  });

  it.each([
    ['GET', 'models', '/v1/models'],
    ['POST', 'responses', '/v1/responses'],
    ['POST', 'messages', '/v1/messages'],
    ['POST', 'v1/messages', '/v1/v1/messages'],
  ])('%s %s', async (method, route, upstreamPath) => {
    const response = await rawRequest(app.url, {
      method,
      path: `/api/proxy/v1/${route}`,
      headers: method === 'POST' ? fromPage(PAGE_POST) : {},
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(response.status).toBe(200);
    expect(upstream.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `${method} ${upstreamPath}`,
    ]);
  });

  it('a body of exactly 8 MiB', async () => {
    const body = Buffer.alloc(MAX_REQUEST_BODY_BYTES, 'a');
    const response = await rawRequest(app.url, {
      method: 'POST',
      path: '/api/proxy/v1/chat/completions',
      headers: fromPage(PAGE_POST),
      body,
    });
    expect(response.status).toBe(200);
    expect(upstream.requests[0].body.equals(body)).toBe(true);
  });
});

describe('the proxy refuses, and the upstream sees nothing', () => {
  /** @type {[string, number, { method?: string, path: string, headers?: Record<string, string>, body?: string }][]} */
  const cases = [
    [
      'a foreign Host (DNS rebinding)',
      403,
      { path: '/api/proxy/v1/models', headers: { host: 'evil.example' } },
    ],
    [
      'a foreign Host with our port',
      403,
      { path: '/api/proxy/v1/models', headers: { host: 'evil.example:4173' } },
    ],
    [
      'a foreign Origin',
      403,
      {
        method: 'POST',
        path: '/api/proxy/v1/chat/completions',
        headers: { ...PAGE_POST, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
        body: '{}',
      },
    ],
    [
      'Sec-Fetch-Site: cross-site',
      403,
      { path: '/api/proxy/v1/models', headers: { 'sec-fetch-site': 'cross-site' } },
    ],
    [
      'a cross-site simple POST (text/plain)',
      415,
      {
        method: 'POST',
        path: '/api/proxy/v1/chat/completions',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      },
    ],
    [
      'a form POST',
      415,
      {
        method: 'POST',
        path: '/api/proxy/v1/chat/completions',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      },
    ],
    ['DELETE', 405, { method: 'DELETE', path: '/api/proxy/v1/models' }],
    ['GET chat/completions', 405, { path: '/api/proxy/v1/chat/completions' }],
    [
      'POST models',
      405,
      { method: 'POST', path: '/api/proxy/v1/models', headers: PAGE_POST, body: '{}' },
    ],
    [
      'PUT chat/completions',
      405,
      { method: 'PUT', path: '/api/proxy/v1/chat/completions', headers: PAGE_POST, body: '{}' },
    ],
    ['another path', 404, { path: '/api/proxy/v1/files' }],
    ['a path below an allowed one', 404, { path: '/api/proxy/v1/models/gpt-5' }],
    ['an encoded traversal ..%2f', 400, { path: '/api/proxy/v1/..%2f..%2fadmin' }],
    ['an encoded traversal %2e%2e', 400, { path: '/api/proxy/v1/%2e%2e/%2e%2e/admin' }],
    [
      'an encoded slash',
      400,
      { method: 'POST', path: '/api/proxy/v1/chat%2fcompletions', headers: PAGE_POST, body: '{}' },
    ],
    ['a plain traversal', 400, { path: '/api/proxy/v1/../../admin' }],
    [
      'a body over 8 MiB',
      413,
      {
        method: 'POST',
        path: '/api/proxy/v1/chat/completions',
        headers: { ...PAGE_POST, 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) },
        body: '{}',
      },
    ],
    [
      'a POST without Content-Length',
      411,
      {
        method: 'POST',
        path: '/api/proxy/v1/chat/completions',
        headers: { ...PAGE_POST, 'transfer-encoding': 'chunked' },
        body: '{}',
      },
    ],
  ];

  it.each(cases)('%s: %i', async (_name, status, request) => {
    const headers = request.headers?.origin === '' ? fromPage(request.headers) : request.headers;
    const response = await rawRequest(app.url, { ...request, headers });
    expect(response.status).toBe(status);
    expect(parseError(response.body).message.length).toBeGreaterThan(10);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(upstream.requests).toEqual([]);
  });
});

describe('the proxy passes back only JSON and event streams', () => {
  it('an upstream HTML page becomes a 502 JSON error; its script never reaches the browser', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<script>alert(1)</script>');
    });
    const response = await rawRequest(app.url, { path: '/api/proxy/v1/models' });
    expect(response.status).toBe(502);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).not.toContain('<script>');
    expect(parseError(response.body).message).toContain('text/html');
  });

  it("a plain-text error keeps the provider's status and words, with the key masked", async () => {
    upstream.respond((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '7' });
      res.end(`Overloaded, key ${KEY}`);
    });
    const response = await rawRequest(app.url, { path: '/api/proxy/v1/models' });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
    expect(parseError(response.body).message).toBe('Overloaded, key ****');
  });

  it('a JSON error that quotes the key has it masked', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Bad key ${KEY}` } }));
    });
    const response = await rawRequest(app.url, { path: '/api/proxy/v1/models' });
    expect(response.status).toBe(401);
    expect(response.body).toBe('{"error":{"message":"Bad key ****"}}');
  });

  it('a compressed JSON error, which cannot be searched for the key, passes on only its status', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ error: { message: `Bad key ${KEY}` } })));
    });
    const response = await rawRequest(app.url, { path: '/api/proxy/v1/models' });
    expect(response.status).toBe(401);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(parseError(response.body).message).toBe('The upstream provider answered 401.');
  });

  it('a redirect is not followed and its Location not passed on', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(302, {
        location: 'http://elsewhere.example/',
        'content-type': 'application/json',
      });
      res.end('{}');
    });
    const response = await rawRequest(app.url, { path: '/api/proxy/v1/models' });
    expect(response.status).toBe(502);
    expect(response.headers.location).toBeUndefined();
    expect(response.body).not.toContain('elsewhere');
  });
});

describe('the proxy and the browser going away', () => {
  it('aborts the upstream request when the browser leaves mid-stream', async () => {
    upstream.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"thinking":true}\n\n');
    });
    const upstreamClosed = upstream.closed();
    const req = http.request(`${app.url}/api/proxy/v1/models`, { agent: false });
    req.end();
    const [res] = await once(req, 'response');
    await once(res, 'data');
    req.destroy();
    await upstreamClosed;
    expect(upstream.requests).toHaveLength(1);
  });

  it('aborts the upstream request when the browser leaves before the upstream answers', async () => {
    upstream.respond(() => undefined);
    const upstreamClosed = upstream.closed();
    const req = http.request(`${app.url}/api/proxy/v1/models`, { agent: false });
    req.on('error', () => undefined);
    req.end();
    await vi.waitFor(() => expect(upstream.requests).toHaveLength(1));
    req.destroy();
    await upstreamClosed;
  });

  it('an aborted upload prints no stack trace, to the proxy or to the Demo', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const path of ['/api/proxy/v1/chat/completions', '/api/demo/v1/chat/completions']) {
        /** @type {Promise<import('node:http').ServerResponse>} */
        const arrived = new Promise((resolve) =>
          app.server.once('request', (_req, res) => resolve(res)),
        );
        const req = http.request(`${app.url}${path}`, {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': '1000' },
        });
        req.on('error', () => undefined);
        req.write('{"messages":');
        const res = await arrived;
        const closed = once(res, 'close');
        req.destroy();
        await closed;
        // The handler's error, if any, is reported on the next turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('an unreachable upstream is a 502 that does not name it', async () => {
    const closed = await startRecordingUpstream();
    await closed.close();
    const lonely = await startServer({
      port: 0,
      env: { RUMINATE_BASE_URL: `${closed.url}/secret-path/v1` },
      distDir: 'no-such-dist',
      log: () => undefined,
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await rawRequest(lonely.url, { path: '/api/proxy/v1/models' });
      expect(response.status).toBe(502);
      expect(parseError(response.body).message).toContain('ECONNREFUSED');
      expect(response.body).not.toContain(new URL(closed.url).port);
      expect(response.body).not.toContain('secret-path');
    } finally {
      errors.mockRestore();
      await lonely.close();
    }
  });
});
