import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium.mjs';
import { MOCK_ORIGIN, MOCK_PORT } from './support/ports.mjs';
import { ChatPage, MOCK_BASE_URL } from './pages/chat-page';
import { startServer } from '../server/start.mjs';
import { CONTENT_SECURITY_POLICY } from '../server/content-security-policy.mjs';
import { rawRequest } from '../server/testing/raw-request.mjs';

// `evil.example` resolves to this machine, as it would for a DNS-rebinding page. Chromium's
// Private Network Access would stop that page itself; Firefox and Safari have no such check, so it
// is switched off here to test the server's own.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--host-resolver-rules=MAP evil.example 127.0.0.1',
      '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks',
    ],
  },
});

const KEY = 'sk-server-secret';
/** A page of another site: `localhost` is not the same site as `127.0.0.1`. */
const FOREIGN_PAGE = `http://localhost:${MOCK_PORT}/health`;

let server: { url: string; port: number; close: () => Promise<void> };

test.beforeAll(async () => {
  server = await startServer({
    port: 0,
    env: {
      RUMINATE_BASE_URL: MOCK_BASE_URL,
      RUMINATE_API_KEY: KEY,
      RUMINATE_MODEL: 'deepseek-reasoner-vercel-ai',
    },
    log: () => undefined,
  });
});

test.afterAll(async () => {
  await server.close();
});

test.beforeEach(async ({ request }) => {
  await request.delete(`${MOCK_ORIGIN}/__requests`);
});

test.afterEach(async ({ request }, testInfo) => {
  if (!testInfo.title.startsWith('refuses')) return;
  const logged = (await (await request.get(`${MOCK_ORIGIN}/__requests`)).json()) as {
    path: string;
  }[];
  // The foreign pages are served by the mock too, and Chromium asks it for their icon.
  const reached = logged.filter((entry) => entry.path !== '/favicon.ico');
  expect(reached, 'requests that reached the upstream').toEqual([]);
});

/** A refusal: the status and a one-line JSON error. */
function expectRefusal(response: { status: number; body: string }, status: number) {
  expect(response.status).toBe(status);
  expect(response.body).toMatch(/^\{"error":\{"message":"[^\n]+\}\}$/);
}

/** The status of the next response to `url` seen by the page, even an opaque one. */
function nextStatus(page: Page, url: string) {
  return page.waitForResponse((response) => response.url() === url).then((r) => r.status());
}

test.describe('the key-keeping proxy', () => {
  test('refuses a foreign Host, as `curl -H "Host: evil.example"` sends it', async () => {
    const response = await rawRequest(server.url, {
      path: '/api/proxy/v1/models',
      headers: { host: 'evil.example' },
    });
    expectRefusal(response, 403);
    expect(response.body).toContain('RUMINATE_ALLOWED_HOSTS');
  });

  test('refuses a DNS-rebinding page whose own origin now points at this server', async ({
    page,
  }) => {
    const rebound = `http://evil.example:${server.port}`;
    // The attacker's page, served before its name was rebound to 127.0.0.1.
    await page.route(`${rebound}/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>evil</title>' }),
    );
    await page.goto(`${rebound}/`);
    await page.unroute(`${rebound}/`);
    const target = `${rebound}/api/proxy/v1/models`;
    const status = nextStatus(page, target);
    const body = await page.evaluate(async (url) => (await fetch(url)).text(), target);
    expect(await status).toBe(403);
    expect(body).toContain('does not answer to the host name');
  });

  test('refuses a cross-site simple POST (text/plain, no preflight)', async ({ page }) => {
    await page.goto(FOREIGN_PAGE);
    // The POST is sent (no preflight); its refusal is opaque to the page, and the response's
    // Cross-Origin-Resource-Policy makes the fetch fail outright.
    const outcome = await page.evaluate(
      (url) =>
        fetch(url, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ model: 'deepseek-reasoner-vercel-ai', messages: [] }),
        }).then(
          (response) => response.type,
          (error: unknown) => String(error),
        ),
      `${server.url}/api/proxy/v1/chat/completions`,
    );
    expect(outcome).toContain('TypeError');
    const same = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/proxy/v1/chat/completions',
      headers: {
        origin: `http://localhost:${MOCK_PORT}`,
        'sec-fetch-site': 'cross-site',
        'content-type': 'text/plain',
      },
      body: '{}',
    });
    expectRefusal(same, 403);
  });

  test('refuses a foreign Origin, even with a JSON body', async ({ page }) => {
    await page.goto(FOREIGN_PAGE);
    const failure = await page.evaluate(
      (url) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"model":"deepseek-reasoner-vercel-ai","messages":[]}',
        }).then(
          () => 'answered',
          (error: unknown) => String(error),
        ),
      `${server.url}/api/proxy/v1/chat/completions`,
    );
    expect(failure).toContain('TypeError');
    const direct = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/proxy/v1/chat/completions',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expectRefusal(direct, 403);
  });

  test('refuses DELETE and an encoded traversal, even from its own page', async ({ page }) => {
    await page.goto(server.url);
    const statuses = await page.evaluate(async () => [
      (await fetch('/api/proxy/v1/models', { method: 'DELETE' })).status,
      (await fetch('/api/proxy/v1/..%2f..%2fadmin')).status,
    ]);
    expect(statuses).toEqual([405, 400]);
    expectRefusal(await rawRequest(server.url, { path: '/api/proxy/v1/%2e%2e/%2e%2e/admin' }), 400);
    expectRefusal(await rawRequest(server.url, { path: '/api/proxy/v1/..%2f..%2fadmin' }), 400);
    expectRefusal(
      await rawRequest(server.url, { method: 'DELETE', path: '/api/proxy/v1/models' }),
      405,
    );
  });

  test('still serves a same-origin chat, adding the key', async ({ page, request }) => {
    const chat = new ChatPage(page);
    await page.goto(server.url);
    await chat.send('Still there?');
    await chat.expectStatus('done');
    await expect(chat.last().answer).not.toHaveText('');
    const upstream = (await (await request.get(`${MOCK_ORIGIN}/__requests`)).json()) as {
      method: string;
      path: string;
      headers: Record<string, string>;
    }[];
    const completion = upstream.find((entry) => entry.path === '/v1/chat/completions');
    expect(completion?.method).toBe('POST');
    expect(completion?.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

test.describe("the app's security headers", () => {
  test("the page carries the build's CSP with frame-ancestors 'none', nosniff and no-referrer", async ({
    page,
  }) => {
    const response = await page.goto(server.url);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  test('another site cannot frame the app', async ({ page }) => {
    await page.goto(FOREIGN_PAGE);
    const blocked = page.waitForEvent('console', (message) =>
      message.text().includes('frame-ancestors'),
    );
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
    }, server.url);
    await blocked;
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await expect(frame!.locator('#root')).toHaveCount(0);
  });

  test('proxied responses cannot run as a page', async ({ request }) => {
    const response = await request.get(`${server.url}/api/proxy/v1/models`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });
});
