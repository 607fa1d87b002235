import { expect, test } from '@playwright/test';
import { ChatPage } from './pages/chat-page';

// Issue 11: Continue showed "one double root,and when" and "-3.7 s to first token".
test.describe('Continue after max tokens', () => {
  for (const [model, continuation] of [
    ['continue-join', '"and when"'],
    ['continue-join-space', '" and when"'],
  ] as const) {
    test(`joins "root," + ${continuation} as "root, and when" and times the new request`, async ({
      page,
    }) => {
      const chat = new ChatPage(page);
      await chat.openWithMock(model);
      await chat.send('Solve x² − 2x + 1 = 0.');
      await chat.expectStatus('truncated');
      const last = chat.last();
      await expect(last.answer).toHaveText('The equation has one double root,');

      await last.message.getByRole('button', { name: 'Continue' }).click();
      await chat.expectStatus('done');
      await expect(last.answer).toHaveText(
        'The equation has one double root, and when x = 1 the curve touches the axis.',
      );
      const footer = await last.message.textContent();
      const seconds = /(-?\d+\.\d) s to first token/.exec(footer ?? '')?.[1];
      expect(seconds, footer ?? '').toBeDefined();
      expect(Number(seconds)).toBeGreaterThanOrEqual(0.1);
      expect(Number(seconds)).toBeLessThan(1.5);
    });
  }
});
