import { expect, test } from '@playwright/test';
import { ChatPage } from './pages/chat-page';
import { panelStates, recordPanelStates } from './support/panel-states';
import { expectedText, folded, lettersOf } from './support/expected-text';

test.describe('streaming a reasoning reply', () => {
  test('the thinking panel opens while reasoning streams, folds at the answer, and expands on click', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await recordPanelStates(page);
    await chat.openWithMock('alibaba-qwen3-max-reasoning-vercel-ai~30');
    await chat.send('How many r are in strawberry?');
    const last = chat.last();

    await chat.expectStatus('reasoning');
    await expect(last.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(last.toggle).toHaveText(/Thinking… \d+s/);
    await expect(last.reasoning).toBeVisible();
    await expect(last.reasoning).not.toHaveText('');

    await chat.expectStatus('done');
    await expect(last.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(last.reasoning).toHaveCount(0);
    await expect(last.toggle).toHaveText(/Thought for \d+ seconds?/);
    const states = await panelStates(page);
    expect(states).toContainEqual({ status: 'reasoning', expanded: 'true' });
    // The panel folds on the first answer token, not when the message ends.
    expect(states.find((state) => state.status === 'answering')).toEqual({
      status: 'answering',
      expanded: 'false',
    });

    const expected = expectedText('alibaba-qwen3-max-reasoning-vercel-ai');
    await expect(last.answer).toContainText('Answer: 3');
    await last.toggle.click();
    await expect(last.toggle).toHaveAttribute('aria-expanded', 'true');
    const controls = await last.toggle.getAttribute('aria-controls');
    await expect(last.reasoning).toHaveAttribute('id', controls ?? '');
    expect(lettersOf(await last.reasoning.innerText())).toBe(lettersOf(expected.reasoning));

    await last.toggle.click();
    await expect(last.reasoning).toHaveCount(0);
  });

  test('the full reasoning of a DeepSeek stream is shown when expanded', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await chat.send('Hello');
    await chat.expectStatus('done');
    const last = chat.last();
    await last.toggle.click();
    const expected = expectedText('deepseek-reasoner-vercel-ai');
    expect(lettersOf(await last.reasoning.innerText())).toBe(lettersOf(expected.reasoning));
    expect(lettersOf(await last.answer.innerText())).toBe(lettersOf(expected.answer));
  });

  test('the answer renders GFM markdown: a table and a fenced code block with a copy button', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('llamacpp-tiny-random-markdown-answer');
    await chat.send('Show me a table and some code.');
    await chat.expectStatus('done');
    const answer = chat.last().answer;
    await expect(answer.locator('table')).toHaveCount(1);
    await expect(answer.locator('table th').first()).toBeVisible();
    await expect(answer.locator('pre code')).toHaveCount(1);
    await expect(answer.getByRole('button', { name: 'Copy code' })).toBeVisible();
    await expect(answer.locator('strong').first()).toBeVisible();
  });

  test('Stop keeps the partial text and marks the message stopped', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai~120');
    await chat.send('Take your time.');
    const last = chat.last();
    await chat.expectStatus('reasoning');
    await expect(last.reasoning).not.toHaveText('');
    await chat.stopButton.click();

    await chat.expectStatus('stopped');
    await expect(last.message).toContainText('Stopped by you');
    await expect(chat.sendButton).toBeVisible();
    const partial = folded(await last.reasoning.innerText());
    expect(partial.length).toBeGreaterThan(0);
    expect(folded(expectedText('deepseek-reasoner-vercel-ai').reasoning).startsWith(partial)).toBe(
      true,
    );
  });

  test('Escape stops a streaming reply from the composer', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai~120');
    await chat.send('Take your time.');
    await chat.expectStatus('reasoning');
    await chat.composer.press('Escape');
    await chat.expectStatus('stopped');
  });

  test('Shift+Enter adds a line instead of sending', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await chat.composer.fill('first line');
    await chat.composer.press('Shift+Enter');
    await chat.composer.pressSequentially('second line');
    await expect(chat.composer).toHaveValue('first line\nsecond line');
    await expect(chat.assistantMessages).toHaveCount(0);
    await chat.composer.press('Enter');
    await expect(chat.assistantMessages).toHaveCount(1);
    await expect(page.getByTestId('user-message')).toHaveText('first line\nsecond line');
  });

  test('a message without reasoning has no thinking panel', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('openai-chat-text-vercel-ai');
    await chat.send('Hello');
    await chat.expectStatus('done');
    await expect(chat.last().toggle).toHaveCount(0);
    await expect(chat.last().answer).not.toHaveText('');
  });
});
