import net from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MOCK_ORIGIN } from './support/ports.mjs';
import { MOCK_VALID_KEY } from './support/mock-extras.mjs';
import { ChatPage, MOCK_BASE_URL } from './pages/chat-page';

/** Longer than the Settings model-list debounce (500 ms in `use-models.ts`). */
const SETTLE_MS = 1_200;

interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function mockLog(page: Page): Promise<LoggedRequest[]> {
  return (await (await page.request.get(`${MOCK_ORIGIN}/__requests`)).json()) as LoggedRequest[];
}

/** Opens Settings and returns its fields. */
async function openSettings(page: Page) {
  const chat = new ChatPage(page);
  await chat.settingsButton.click();
  const dialog = chat.settingsDialog;
  await expect(dialog).toBeVisible();
  return {
    dialog,
    provider: dialog.getByRole('combobox', { name: 'Provider' }),
    baseUrl: dialog.getByRole('textbox', { name: 'Base URL' }),
    apiKey: dialog.getByLabel('API key'),
    apiStyle: dialog.getByRole('combobox', { name: 'API style' }),
    test: dialog.getByRole('button', { name: 'Test connection' }),
    verdict: dialog.getByTestId('connection-verdict'),
  };
}

async function retype(field: Locator, text: string): Promise<void> {
  await field.fill('');
  await field.pressSequentially(text, { delay: 15 });
}

test.describe('Settings respect the network', () => {
  // Issue 11: Settings contacted every hosted provider on preset change, before a key was typed.
  test('no request to a provider before its base URL (and key) are set, then one', async ({
    page,
  }) => {
    const outside: string[] = [];
    await page.route(/^https:\/\//, async (route) => {
      outside.push(route.request().url());
      await route.fulfill({
        status: 401,
        headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
        body: JSON.stringify({ error: { message: 'Authentication Fails' } }),
      });
    });
    await page.goto('/');
    const settings = await openSettings(page);
    for (const preset of ['DeepSeek', 'Anthropic', 'OpenRouter', 'Groq']) {
      await settings.provider.selectOption({ label: preset });
    }
    await page.waitForTimeout(SETTLE_MS);
    expect(outside).toEqual([]);

    // Typing the key sends one request, after the typing stops.
    await retype(settings.apiKey, 'sk-typed-slowly');
    await expect(settings.dialog).toContainText('Check the API key in Settings.');
    expect(outside).toEqual(['https://api.groq.com/openai/v1/models']);

    // Custom starts with no base URL: nothing is sent until one is typed, then once.
    await page.request.delete(`${MOCK_ORIGIN}/__requests`);
    await settings.provider.selectOption({ label: 'Custom' });
    await page.waitForTimeout(SETTLE_MS);
    await retype(settings.baseUrl, MOCK_BASE_URL);
    await expect(settings.dialog).toContainText(/\d+ models available/);
    const lists = (await mockLog(page)).filter((entry) => entry.method === 'GET');
    expect(lists.map((entry) => entry.path)).toEqual(['/v1/models']);
  });

  test('Anthropic models come from /v1/models with x-api-key and anthropic-version', async ({
    page,
  }) => {
    await page.goto('/');
    const settings = await openSettings(page);
    await settings.provider.selectOption({ label: 'Custom' });
    await settings.apiStyle.selectOption({ label: 'Anthropic Messages API' });
    await page.request.delete(`${MOCK_ORIGIN}/__requests`);
    await settings.baseUrl.fill(MOCK_ORIGIN);
    await settings.apiKey.fill('sk-ant-e2e');
    await expect(settings.dialog).toContainText(/\d+ models available/);
    const lists = (await mockLog(page)).filter((entry) => entry.method === 'GET');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.path).toBe('/v1/models');
    expect(lists[0]!.headers['x-api-key']).toBe('sk-ant-e2e');
    expect(lists[0]!.headers['anthropic-version']).toBe('2023-06-01');
    expect(lists[0]!.headers.authorization).toBeUndefined();
  });

  test('Test connection reports a refused key, a CORS refusal, nothing listening, and success', async ({
    page,
  }) => {
    await page.goto('/');
    const settings = await openSettings(page);
    await settings.provider.selectOption({ label: 'Custom' });

    await settings.baseUrl.fill(`${MOCK_ORIGIN}/auth/v1`);
    await settings.apiKey.fill('sk-wrong');
    await settings.test.click();
    await expect(settings.verdict).toContainText('refused the key with HTTP 401');
    await expect(settings.verdict).toContainText('Check the API key');

    await settings.apiKey.fill(MOCK_VALID_KEY);
    await expect(settings.verdict).toHaveText('');
    await settings.test.click();
    await expect(settings.verdict).toContainText(
      `Connected: ${MOCK_ORIGIN} is reachable, accepts the key and allows this page (CORS)`,
    );

    await settings.baseUrl.fill(`${MOCK_ORIGIN}/no-cors/v1`);
    await settings.test.click();
    await expect(settings.verdict).toContainText(
      `${MOCK_ORIGIN} answered, but refused this page (CORS)`,
    );

    const port = await closedPort();
    await settings.baseUrl.fill(`http://127.0.0.1:${port}/v1`);
    await settings.test.click();
    await expect(settings.verdict).toContainText(
      `Nothing answered at http://127.0.0.1:${port}: nothing is listening there`,
    );
  });
});

test.describe('errors name the likely cause', () => {
  test('a 401 says to check the API key, with a button that opens Settings', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('http-401');
    await chat.send('Hello?');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText('Check the API key in Settings.');
    await chat.last().message.getByRole('button', { name: 'Open Settings' }).click();
    await expect(chat.settingsDialog).toBeVisible();
  });

  test('a refused connection says nothing is listening, not "Connection lost"', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    const port = await closedPort();
    await chat.openWithMock('deepseek-reasoner-vercel-ai', {
      baseUrl: `http://127.0.0.1:${port}/v1`,
    });
    await chat.send('Hello?');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText(`Nothing answered at http://127.0.0.1:${port}`);
    await expect(chat.last().error).not.toContainText('Connection lost');
    await expect(chat.last().message.getByRole('button', { name: 'Open Settings' })).toBeVisible();
  });

  test('a provider without CORS headers is named as refusing this page', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai', {
      baseUrl: `${MOCK_ORIGIN}/no-cors/v1`,
    });
    await chat.send('Hello?');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText('refused this page (CORS)');
  });
});
