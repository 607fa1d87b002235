import { expect, test, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/core/share/share-link-codec';
import { AFTER_HOSTILE, HOSTILE_CORPUS } from '../src/core/markdown/hostile-corpus';
import { ChatPage } from './pages/chat-page';

/** Issue 10: the texts that blanked the page (or the message, after a reload). */
const HOSTILE = [
  'a list nested 1,000 deep on one line',
  'a quote nested 2,500 deep',
  'emphasis nested 2,000 deep',
  '60,000 unclosed \\(',
] as const;

/** Page errors and console errors of `page` from now on. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** The reply shows the words after the hostile part, formatted (no plain-text fallback). */
async function expectWholeReply(page: Page) {
  const answer = page.getByTestId('assistant-message').last().getByTestId('answer');
  await expect(answer).toContainText(AFTER_HOSTILE);
  await expect(answer.locator('p', { hasText: AFTER_HOSTILE }).last()).toBeVisible();
  await expect(page.getByTestId('plain-text-fallback')).toHaveCount(0);
}

test.describe('hostile markdown never takes the page down (issue 10)', () => {
  for (const name of HOSTILE) {
    test(`a share link holding ${name} shows the transcript, also after a reload`, async ({
      page,
    }) => {
      const errors = errorsOf(page);
      const fragment = await encodeShareFragment({
        title: 'Hostile',
        messages: [
          { role: 'user', content: 'Say something hostile.' },
          { role: 'assistant', reasoning: '', answer: HOSTILE_CORPUS[name] ?? '', status: 'done' },
        ],
      });
      await page.goto(`/#${fragment}`);
      await expect(page.getByTestId('user-message')).toHaveText('Say something hostile.');
      await expectWholeReply(page);
      await page.reload();
      await expectWholeReply(page);
      expect(errors).toEqual([]);
    });
  }

  test('a model reply holding a 1,000-deep list streams, finishes and reloads whole', async ({
    page,
  }) => {
    const errors = errorsOf(page);
    const chat = new ChatPage(page);
    await chat.openWithMock('echo');
    await chat.send(HOSTILE_CORPUS['a list nested 1,000 deep on one line'] ?? '');
    await chat.expectStatus('done');
    await expectWholeReply(page);
    await expect(page).toHaveURL(/\?c=/);
    await page.reload();
    await chat.expectStatus('done');
    await expectWholeReply(page);
    expect(errors).toEqual([]);
  });

  test('a model reply holding a 2,500-deep quote and an unclosed-delimiter flood reloads whole', async ({
    page,
  }) => {
    const errors = errorsOf(page);
    const chat = new ChatPage(page);
    await chat.openWithMock('echo~0');
    await chat.send(
      `${HOSTILE_CORPUS['a quote nested 2,500 deep']}\n${HOSTILE_CORPUS['30,000 unclosed *']}`,
    );
    await chat.expectStatus('done', 30_000);
    await expectWholeReply(page);
    await page.reload();
    await chat.expectStatus('done');
    await expectWholeReply(page);
    expect(errors).toEqual([]);
  });
});
