import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './start.mjs';
import { rawRequest } from './testing/raw-request.mjs';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let app;
/** @type {string[]} */
const logged = [];

beforeAll(async () => {
  app = await startServer({
    port: 0,
    env: { RUMINATE_ALLOWED_HOSTS: 'box.lan', RUMINATE_DEMO_SPEED: '1000' },
    distDir: 'no-such-dist',
    log: (line) => logged.push(line),
  });
});

afterAll(async () => {
  await app.close();
});

describe('startServer', () => {
  it('answers to names in RUMINATE_ALLOWED_HOSTS, with its port, and says so at startup', async () => {
    const path = '/api/server-providers';
    expect(
      (await rawRequest(app.url, { path, headers: { host: `box.lan:${app.port}` } })).status,
    ).toBe(200);
    expect((await rawRequest(app.url, { path, headers: { host: 'box.lan' } })).status).toBe(403);
    expect(
      (await rawRequest(app.url, { path, headers: { host: `other.lan:${app.port}` } })).status,
    ).toBe(403);
    expect(logged).toContain('Also answering to: box.lan');
  });

  it('lets the Demo through when the page itself calls it', async () => {
    const models = await rawRequest(app.url, {
      path: '/api/demo/v1/models',
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(models.status).toBe(200);
    const reply = await rawRequest(app.url, {
      method: 'POST',
      path: '/api/demo/v1/chat/completions',
      headers: {
        origin: app.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: 'ruminate-demo',
        stream: true,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('data: [DONE]');
    expect(reply.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  it('guards every /api/ path before routing, so routes added later are covered too', async () => {
    const foreign = await rawRequest(app.url, {
      path: '/api/not-yet-a-route',
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const textPost = await rawRequest(app.url, {
      method: 'POST',
      path: '/api/not-yet-a-route',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(textPost.status).toBe(415);
    const sameOrigin = await rawRequest(app.url, { path: '/api/not-yet-a-route' });
    expect(sameOrigin.status).toBe(404);
    expect(JSON.parse(sameOrigin.body).error.message).toBe('No API route /api/not-yet-a-route.');
  });
});
