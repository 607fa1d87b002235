import { expect, test } from '@playwright/test';
import { ChatPage } from './pages/chat-page';

test.describe('errors keep what arrived and say what happened', () => {
  test('HTTP 401 shows the status and the provider’s own message', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('http-401');
    await chat.send('Hello?');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText('HTTP 401');
    await expect(chat.last().error).toContainText(
      'Authentication Fails, Your api key: ****abcd is invalid',
    );
  });

  test('a plain-text error body is shown as written', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('http-503-text');
    await chat.send('Hello?');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText('HTTP 503');
    await expect(chat.last().error).toContainText('Upstream says no (503)');
  });

  test('an error inside a 200 stream keeps the partial reasoning', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('openrouter-midstream-error-pydantic-ai');
    await chat.send('Hello?');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText('Token limit reached');
    await expect(chat.last().toggle).toBeVisible();
  });

  test('a connection cut mid-stream keeps the partial text and says the connection was lost', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('cut:deepseek-reasoner-vercel-ai');
    await chat.send('Hello?');
    await chat.expectStatus('error');
    await expect(chat.last().error).toContainText(/connection/i);
    await expect(chat.last().toggle).toBeVisible();
    await expect(chat.last().reasoning).not.toHaveText('');
  });

  test('the composer accepts the next message after a failure', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('http-500');
    await chat.send('First');
    await chat.expectStatus('error');
    await expect(chat.composer).toHaveValue('');
    await expect(chat.composer).toBeFocused();
    // The next message goes out and is answered; the failed reply stays above it.
    await chat.chooseModel('openai-chat-text-vercel-ai');
    await chat.send('Second');
    await chat.expectStatus('done');
    await expect(chat.userMessages).toHaveText(['First', 'Second']);
    await expect(chat.reply(0).message).toHaveAttribute('data-status', 'error');
    await expect(chat.last().answer).not.toHaveText('');
  });

  test('a reply cut off at max tokens while thinking says no answer came, reasoning open', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('llamacpp-tiny-random-length-while-reasoning');
    await chat.send('Hello?');
    await chat.expectStatus('truncated');
    const last = chat.last();
    await expect(last.message).toContainText(
      'Cut off at max tokens while thinking: no answer came.',
    );
    await expect(last.toggle).toContainText('incomplete');
    await expect(last.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(last.reasoning).not.toHaveText('');
    // Nothing to continue without an answer: asking again is the next action.
    await expect(last.message.getByRole('button', { name: 'Continue' })).toHaveCount(0);
    await expect(last.message.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  });
});
