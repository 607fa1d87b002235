import { expect, test } from '@playwright/test';
import { MOCK_ORIGIN } from './support/ports.mjs';
import { ChatPage, MOCK_BASE_URL } from './pages/chat-page';
import { startServer } from '../server/start.mjs';

test.describe('the Demo provider', () => {
  let server: { url: string; close: () => Promise<void> };

  // Its own server, paced slower than the suite's: the thinking phase must be long enough to see
  // on a busy machine.
  test.beforeAll(async () => {
    server = await startServer({
      port: 0,
      env: { RUMINATE_DEMO_SPEED: '6' },
      log: () => undefined,
    });
  });

  test.afterAll(async () => {
    await server.close();
  });

  test('works with no configuration: thinking streams, folds, and the answer renders', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await page.goto(server.url);
    await expect(page.getByRole('note')).toContainText('Demo provider');
    await expect(page.getByRole('banner')).toContainText('Demo');

    await chat.send('What can you do?');
    const last = chat.last();
    // Checked in the page on every frame: the reasoning lasts a few seconds, which a busy machine
    // may spend between two checks from outside.
    await page.waitForFunction(
      () => {
        const message = document.querySelector('[data-testid="assistant-message"]');
        const toggle = message?.querySelector('[data-testid="reasoning-toggle"]');
        return (
          message?.getAttribute('data-status') === 'reasoning' &&
          toggle?.getAttribute('aria-expanded') === 'true'
        );
      },
      undefined,
      { polling: 'raf' },
    );
    await chat.expectStatus('done', 30_000);
    await expect(last.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(last.answer.locator('table')).toHaveCount(1);
    await expect(last.answer.locator('pre code').first()).toBeVisible();

    await last.toggle.click();
    await expect(last.reasoning).toContainText('What can you do?');
  });
});

test.describe('RUMINATE_BASE_URL', () => {
  let server: { url: string; close: () => Promise<void> };

  test.beforeAll(async () => {
    server = await startServer({
      port: 0,
      env: {
        RUMINATE_BASE_URL: MOCK_BASE_URL,
        RUMINATE_API_KEY: 'sk-server-secret',
        RUMINATE_MODEL: 'deepseek-reasoner-vercel-ai',
      },
      log: () => undefined,
    });
  });

  test.afterAll(async () => {
    await server.close();
  });

  test('routes requests through the server proxy, which adds the key the browser never sees', async ({
    page,
    request,
  }) => {
    await request.delete(`${MOCK_ORIGIN}/__requests`);
    const browserRequests: { url: string; headers: Record<string, string> }[] = [];
    page.on('request', (req) => browserRequests.push({ url: req.url(), headers: req.headers() }));
    const bodies: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/api/server-providers')) bodies.push(await response.text());
    });

    const chat = new ChatPage(page);
    await page.goto(server.url);
    await expect(page.getByRole('banner')).toContainText('deepseek-reasoner-vercel-ai');
    await chat.send('Through the proxy, please.');
    await chat.expectStatus('done');
    await expect(chat.last().toggle).toHaveText(/Thought for/);
    await expect(chat.last().answer).not.toHaveText('');

    const upstream = (await (await request.get(`${MOCK_ORIGIN}/__requests`)).json()) as {
      path: string;
      headers: Record<string, string>;
      body: { model: string; stream: boolean; messages: { role: string; content: string }[] };
    }[];
    const completion = upstream.find((entry) => entry.path === '/v1/chat/completions');
    expect(completion?.headers.authorization).toBe('Bearer sk-server-secret');
    expect(completion?.body.stream).toBe(true);
    expect(completion?.body.messages.at(-1)).toEqual({
      role: 'user',
      content: 'Through the proxy, please.',
    });

    const sent = browserRequests.find((req) => req.url.includes('/chat/completions'));
    expect(sent?.url).toBe(`${server.url}/api/proxy/v1/chat/completions`);
    for (const req of browserRequests) {
      expect(JSON.stringify(req.headers)).not.toContain('sk-server-secret');
    }
    expect(bodies.join('')).not.toContain('sk-server-secret');
  });
});
