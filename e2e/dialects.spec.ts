import { expect, test, type Page } from '@playwright/test';
import { MOCK_ORIGIN } from './support/ports.mjs';
import { ChatPage } from './pages/chat-page';

/** The chat completions bodies the mock provider received, oldest first. */
async function sentBodies(page: Page): Promise<Record<string, unknown>[]> {
  const response = await page.request.get(`${MOCK_ORIGIN}/__requests`);
  const log = (await response.json()) as { method: string; path: string; body: unknown }[];
  return log
    .filter((entry) => entry.method === 'POST' && entry.path.endsWith('/chat/completions'))
    .map((entry) => entry.body as Record<string, unknown>);
}

test.beforeEach(async ({ page }) => {
  await page.request.delete(`${MOCK_ORIGIN}/__requests`);
});

test.describe('newer reasoning dialects (issue 14)', () => {
  test('Gemini thought flags: thoughts in the panel, a clean answer', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('synthetic-gemini-thoughts~30');
    await chat.send('What is 17 + 25?');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.answer).toHaveText('17 + 25 = 42.');
    await expect(last.answer.locator('strong')).toHaveText('42');
    await last.toggle.click();
    await expect(last.reasoning).toContainText('Adding the numbers');
    await expect(last.reasoning).toContainText('so the total is 42.');
    await expect(last.reasoning).not.toContainText('thought>');
    await expect(last.answer).not.toContainText('thought');
  });

  test('harmony channels in content: analysis in the panel, final as the answer', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('synthetic-harmony-content~10');
    await chat.send('Capital of Norway?');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.answer).toHaveText('The capital of Norway is Oslo.');
    await expect(last.answer).not.toContainText('<|');
    await last.toggle.click();
    await expect(last.reasoning).toHaveText('We need the capital of Norway. It is Oslo.');
  });

  test('the Think switch changes the request and is remembered after a reload', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    // A Qwen3 model on a local OpenAI-compatible server: chat_template_kwargs switches thinking.
    await chat.openWithMock('groq-qwen3-32b-reasoning-parsed-vercel-ai~0');
    const think = page.getByRole('button', { name: 'Think', exact: true });
    await expect(think).toHaveAttribute('aria-pressed', 'true');

    await chat.send('First');
    await chat.expectStatus('done');
    await think.click();
    await expect(think).toHaveAttribute('aria-pressed', 'false');
    await chat.send('Second');
    await expect(chat.assistantMessages).toHaveCount(2);
    await chat.expectStatus('done');

    const bodies = await sentBodies(page);
    expect(bodies.map((body) => body.chat_template_kwargs)).toEqual([
      { enable_thinking: true },
      { enable_thinking: false },
    ]);
    await chat.last().message.getByText('View request').click();
    await expect(chat.last().message.getByTestId('request-json')).toContainText(
      '"enable_thinking": false',
    );

    await page.reload();
    await expect(think).toHaveAttribute('aria-pressed', 'false');
    await chat.send('Third');
    await expect(chat.assistantMessages).toHaveCount(3);
    await chat.expectStatus('done');
    expect((await sentBodies(page)).at(-1)?.chat_template_kwargs).toEqual({
      enable_thinking: false,
    });
  });

  test('no Think switch where the provider cannot turn thinking off', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai~0', { family: 'deepseek' });
    await expect(chat.composer).toBeVisible();
    await expect(page.getByRole('button', { name: 'Think', exact: true })).toHaveCount(0);
  });
});
