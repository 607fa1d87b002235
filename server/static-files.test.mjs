import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.mjs';
import { startServer } from './start.mjs';
import { rawRequest } from './testing/raw-request.mjs';

const INDEX = '<!doctype html><title>Ruminate</title>';
/** @type {string} */
let root;
/** @type {Awaited<ReturnType<typeof startServer>>} */
let app;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ruminate-static-'));
  const dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await mkdir(path.join(root, 'outside'));
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'TOP SECRET');
  await writeFile(path.join(root, 'outside', 'key.txt'), 'TOP SECRET');
  await symlink(path.join(root, 'secret.txt'), path.join(dist, 'leak.txt'));
  await symlink(path.join(root, 'outside'), path.join(dist, 'assets', 'linked'));
  app = await startServer({ port: 0, env: {}, distDir: dist, log: () => undefined });
});

afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

describe('the built app', () => {
  it("sends the build's CSP as a header with frame-ancestors 'none', nosniff and no referrer", async () => {
    const response = await rawRequest(app.url, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-security-policy']).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends the same headers with assets and single-page routes', async () => {
    for (const target of ['/assets/app.js', '/some/route']) {
      const response = await rawRequest(app.url, { path: target });
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('never follows a symbolic link out of dist/', async () => {
    for (const target of ['/leak.txt', '/assets/linked/key.txt', '/%2e%2e/secret.txt']) {
      const response = await rawRequest(app.url, { path: target });
      expect(response.body).not.toContain('TOP SECRET');
    }
    expect((await rawRequest(app.url, { path: '/assets/linked/key.txt' })).status).toBe(404);
  });

  it('refuses a foreign Host for the page too', async () => {
    const response = await rawRequest(app.url, { path: '/', headers: { host: 'evil.example' } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('Ruminate');
  });
});
