// A failing store: the client gets 503, and the log gets the error's code, never its details.
import http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from './rate-limit.mjs';
import { createShareRoutes } from './share-routes.mjs';

/** @type {http.Server | undefined} */
let server;
afterEach(
  () =>
    new Promise((resolve) =>
      server ? server.close(() => resolve(undefined)) : resolve(undefined),
    ),
);

describe('share routes when the store fails', () => {
  it('answers 503 and logs only the error code', async () => {
    const failure = Object.assign(new Error('Failing row contains (id, \\x0102 secret-detail)'), {
      code: '23514',
    });
    const service = {
      create: async () => Promise.reject(failure),
      read: async () => Promise.reject(failure),
      remove: async () => Promise.reject(failure),
      purgeExpired: async () => 0,
    };
    const handle = createShareRoutes({
      service,
      limiter: createRateLimiter({ limit: 10, windowMs: 60_000 }),
    });
    server = http.createServer((req, res) => {
      const url = new URL(`http://x${req.url}`);
      void handle(req, res, url.pathname, url.search);
    });
    await new Promise((resolve) => server?.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await fetch(`http://127.0.0.1:${address.port}/api/shares/AAAAAAAAAAAAAAAA`);
    expect(response.status).toBe(503);
    expect(errors).toHaveBeenCalledWith('Ruminate share store error: 23514');
    expect(JSON.stringify(errors.mock.calls)).not.toContain('secret-detail');
    errors.mockRestore();
  });
});
