import { describe, expect, it } from 'vitest';
import { allowedHostValues, checkApiRequest, checkHost } from './request-guard.mjs';

/**
 * A request as the guard sees it.
 * @param {{ method?: string, url?: string, headers?: Record<string, string> }} init
 */
function request({ method = 'GET', url = '/api/proxy/v1/models', headers = {} }) {
  return /** @type {import('node:http').IncomingMessage} */ (
    /** @type {unknown} */ ({ method, url, headers: { host: '127.0.0.1:4173', ...headers } })
  );
}

const LOCAL = allowedHostValues({ listenHost: '127.0.0.1', port: 4173 });

describe('allowedHostValues', () => {
  it('answers to the loopback names with the listening port, and nothing else', () => {
    expect([...LOCAL].sort()).toEqual(['127.0.0.1:4173', '[::1]:4173', 'localhost:4173']);
  });

  it('adds a named listening host and RUMINATE_ALLOWED_HOSTS names, but not a wildcard', () => {
    expect(
      allowedHostValues({ listenHost: '0.0.0.0', port: 8080, extraNames: ['box.lan'] }),
    ).toEqual(new Set(['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'box.lan:8080']));
    expect(allowedHostValues({ listenHost: '::', port: 1 }).has('[::]:1')).toBe(false);
    expect(allowedHostValues({ listenHost: 'fe80::1', port: 1 }).has('[fe80::1]:1')).toBe(true);
    expect(allowedHostValues({ listenHost: '192.168.1.20', port: 1 }).has('192.168.1.20:1')).toBe(
      true,
    );
  });

  it('accepts a Host without a port only on port 80', () => {
    expect(allowedHostValues({ listenHost: '127.0.0.1', port: 80 }).has('localhost')).toBe(true);
    expect(LOCAL.has('localhost')).toBe(false);
  });
});

describe('checkHost', () => {
  it.each(['127.0.0.1:4173', 'LOCALHOST:4173', '[::1]:4173'])('lets in %s', (host) => {
    expect(checkHost(request({ headers: { host } }), LOCAL)).toBeNull();
  });

  it.each(['evil.example', 'evil.example:4173', '127.0.0.1:4174', '127.0.0.1', ''])(
    'refuses Host "%s" with a 403 that names RUMINATE_ALLOWED_HOSTS',
    (host) => {
      const refusal = checkHost(request({ headers: { host } }), LOCAL);
      expect(refusal?.status).toBe(403);
      if (host !== '') expect(refusal?.message).toContain('RUMINATE_ALLOWED_HOSTS');
    },
  );
});

describe('checkApiRequest', () => {
  it('lets in what the page itself sends: a same-origin GET and a same-origin JSON POST', () => {
    expect(checkApiRequest(request({ headers: { 'sec-fetch-site': 'same-origin' } }))).toBeNull();
    expect(
      checkApiRequest(
        request({
          method: 'POST',
          url: '/api/proxy/v1/chat/completions',
          headers: {
            origin: 'http://127.0.0.1:4173',
            'sec-fetch-site': 'same-origin',
            'content-type': 'application/json; charset=utf-8',
          },
        }),
      ),
    ).toBeNull();
  });

  it('lets in a request with no Origin and no fetch metadata (curl on this machine)', () => {
    expect(checkApiRequest(request({}))).toBeNull();
  });

  it.each([
    'http://evil.example',
    'http://127.0.0.1:4174',
    'http://localhost:4173',
    'null',
    'http://127.0.0.1:4173.evil.example',
  ])('refuses Origin %s with a 403', (origin) => {
    expect(checkApiRequest(request({ headers: { origin } }))?.status).toBe(403);
  });

  it.each(['cross-site', 'same-site'])('refuses Sec-Fetch-Site: %s with a 403', (site) => {
    expect(checkApiRequest(request({ headers: { 'sec-fetch-site': site } }))?.status).toBe(403);
  });

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])(
    'refuses a POST with Content-Type %s with a 415',
    (type) => {
      /** @type {Record<string, string>} */
      const headers = type === undefined ? {} : { 'content-type': type };
      expect(checkApiRequest(request({ method: 'POST', headers }))?.status).toBe(415);
    },
  );

  it('takes only application/octet-stream for POST /api/shares, and only there', () => {
    /** @param {string} url @param {string} type */
    const post = (url, type) =>
      checkApiRequest(request({ method: 'POST', url, headers: { 'content-type': type } }));
    expect(post('/api/shares', 'application/octet-stream')).toBeNull();
    expect(post('/api/shares?expiry=1d', 'application/octet-stream')).toBeNull();
    expect(post('/api/shares', 'application/json')?.status).toBe(415);
    expect(post('/api/shares', 'text/plain')?.status).toBe(415);
    expect(post('/api/proxy/v1/chat/completions', 'application/octet-stream')?.status).toBe(415);
    expect(post('/api/shares/x', 'application/octet-stream')?.status).toBe(415);
  });

  it.each([
    '/api/proxy/v1/..%2f..%2fadmin',
    '/api/proxy/v1/%2e%2e/%2e%2e/admin',
    '/api/proxy/v1/%2E%2E/admin',
    '/api/proxy/v1/chat%2Fcompletions',
    '/api/proxy/v1/..\\admin',
    '/api/proxy/v1/%5cadmin',
    '/api/proxy/v1/../admin',
    '/api/proxy/v1/./models',
    '/api/proxy/v1/..',
  ])('refuses the path %s with a 400', (url) => {
    expect(checkApiRequest(request({ url }))?.status).toBe(400);
  });

  it('reads only the path: a dot in the query string is fine', () => {
    expect(checkApiRequest(request({ url: '/api/proxy/v1/models?v=1.2' }))).toBeNull();
    expect(checkApiRequest(request({ url: '/api/shares/a.b' }))).toBeNull();
  });

  it('says why in one line', () => {
    const refusal = checkApiRequest(request({ headers: { origin: 'http://evil.example' } }));
    expect(refusal?.message).toMatch(/^[^\n]+$/);
    expect(refusal?.message).toContain('other sites');
  });
});
