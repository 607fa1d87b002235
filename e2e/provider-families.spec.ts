import { expect, test } from '@playwright/test';
import { MOCK_ORIGIN } from './support/ports.mjs';
import { ChatPage } from './pages/chat-page';
import { lettersOf } from './support/expected-text';

/** One end-to-end test per way providers mark reasoning, replaying real recordings. */
test.describe('every provider family files reasoning and answer in the right place', () => {
  test('OpenRouter reasoning + reasoning_details: shown once, encrypted parts noted', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('openrouter-grok-code-fast-1-reasoning-fantasy.part2');
    await chat.send('Hi');
    await chat.expectStatus('done');
    const last = chat.last();
    await last.toggle.click();
    await expect(last.reasoning).toContainText('The provider shows a summary');
    const text = await last.reasoning.innerText();
    // reasoning and reasoning_details carry the same summary: it must not appear twice.
    const firstWords = lettersOf(text.split('\n').find((line) => line.length > 40) ?? '').slice(
      0,
      30,
    );
    expect(lettersOf(text).split(firstWords).length - 1).toBe(1);
    await expect(last.answer).not.toHaveText('');
  });

  test('Mistral content arrays: thinking parts in the panel, text parts in the answer', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('mistral-thinking-stream-pydantic-ai');
    await chat.send('Hi');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.toggle).toBeVisible();
    await last.toggle.click();
    // The recording's thinking parts and text parts, each in its own place and only there.
    await expect(last.reasoning).toContainText('Okay, the user is asking how to cross the street.');
    await expect(last.reasoning).toContainText('a clear and concise response.');
    await expect(last.reasoning).not.toContainText('By following these steps');
    await expect(last.answer).toContainText('To cross the street safely, follow these steps');
    await expect(last.answer).toContainText('you can ensure a safe crossing.');
    await expect(last.answer).not.toContainText('Okay, the user');
  });

  test('<think> inside content (Together): reasoning in the panel, no tags in the answer', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('together-via-hf-router-deepseek-r1-think-in-content-pydantic-ai~0');
    await chat.send('How do I cross the street?');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.answer).toContainText('Crossing the street safely');
    await expect(last.answer).not.toContainText('<think>');
    await expect(last.answer).not.toContainText('</think>');
    await last.toggle.click();
    await expect(last.reasoning).toContainText('Okay, the user asked');
  });

  test('template-opened </think> (llama.cpp): the text before it moves into the panel', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('llamacpp-tiny-random-think-in-content-template-opened~40');
    await chat.send('Hi');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.answer).toContainText('Avenueongo');
    await expect(last.answer).not.toContainText('track equations');
    await last.toggle.click();
    await expect(last.reasoning).toContainText('track equations');
  });

  test('Groq event: error mid-stream keeps the reasoning and shows Groq’s message', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('groq-midstream-error-with-text-pydantic-ai', { family: 'groq' });
    await chat.send('Hi');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText('Tool choice is required');
    await expect(chat.last().toggle).toBeVisible();
  });

  test('OpenAI Responses API: reasoning summaries in the panel, output text as the answer', async ({
    page,
    request,
  }) => {
    await request.delete(`${MOCK_ORIGIN}/__requests`);
    const chat = new ChatPage(page);
    await chat.openWithMock('openai-responses-thinking-summary-stream-pydantic-ai', {
      apiStyle: 'responses',
      family: 'openai-responses',
    });
    await chat.send('How do I cross the street?');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.answer).toContainText('road safety professional');
    await last.toggle.click();
    await expect(last.reasoning).toContainText('Providing street crossing instructions');
    await expect(last.message).toContainText('1,408 reasoning tokens');

    const log = (await (await request.get(`${MOCK_ORIGIN}/__requests`)).json()) as {
      method: string;
      path: string;
      body: { reasoning?: unknown; stream?: boolean };
    }[];
    const sent = log.find((entry) => entry.method === 'POST' && entry.path === '/v1/responses');
    expect(sent?.body).toMatchObject({ stream: true, reasoning: { summary: 'auto' } });
  });

  test('Anthropic Messages API: thinking in the panel, text as the answer', async ({
    page,
    request,
  }) => {
    await request.delete(`${MOCK_ORIGIN}/__requests`);
    const chat = new ChatPage(page);
    await chat.openWithMock('anthropic-native-thinking-stream-pydantic-ai', {
      apiStyle: 'anthropic-messages',
      family: 'anthropic',
      baseUrl: MOCK_ORIGIN,
    });
    await chat.send('Hi');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.toggle).toBeVisible();
    await last.toggle.click();
    await expect(last.reasoning).not.toHaveText('');
    await expect(last.answer).not.toHaveText('');

    const log = (await (await request.get(`${MOCK_ORIGIN}/__requests`)).json()) as {
      method: string;
      path: string;
      headers: Record<string, string>;
      body: { thinking?: { type: string } };
    }[];
    const sent = log.find((entry) => entry.method === 'POST' && entry.path === '/v1/messages');
    expect(sent?.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent?.headers['x-api-key']).toBe('sk-browser-key');
    expect(sent?.body.thinking?.type).toBe('enabled');
  });

  test('a stalled stream says so after 30 s, keeps its text, and recovers when data returns', async ({
    page,
  }) => {
    await page.clock.install();
    const chat = new ChatPage(page);
    await chat.openWithMock('stall-6000:deepseek-reasoner-vercel-ai');
    await chat.send('Hi');
    await chat.expectStatus('reasoning');
    await page.waitForTimeout(1500);
    await page.clock.fastForward(31_000);
    const notice = chat.last().message.getByTestId('stall-notice');
    await expect(notice).toContainText('No data for 30 s');
    await expect(chat.last().message.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(chat.last().reasoning).not.toHaveText('');
    await chat.expectStatus('done', 20_000);
    await expect(notice).toHaveCount(0);
  });

  test('View request shows the JSON that was sent, with the key masked', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await chat.send('Show me the request');
    await chat.expectStatus('done');
    await chat.last().message.getByText('View request').click();
    const json = chat.last().message.getByTestId('request-json');
    await expect(json).toContainText('"stream": true');
    await expect(json).toContainText('"include_usage": true');
    await expect(json).toContainText('Show me the request');
    await expect(json).toContainText('Bearer ****');
    await expect(json).not.toContainText('sk-browser-key');
  });
});
