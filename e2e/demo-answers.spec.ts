import { expect, test } from '@playwright/test';
import { ChatPage } from './pages/chat-page';
import { pickScript } from '../server/demo/pick-script.mjs';
import { SUGGESTED_QUESTIONS } from '../server/demo/shared-lists.mjs';

/** What each suggested question's answer must talk about. */
const SUBJECTS: Record<string, RegExp[]> = {
  prime: [/1,000,003 is prime/i, /168 primes/],
  merge: [/merg/i, /sorted/i, /Invariant/],
  databases: [/SQLite/, /PostgreSQL/],
};

test.describe('the Demo answers what it suggests', () => {
  for (const { id, question } of SUGGESTED_QUESTIONS) {
    test(`"${question}" gets an answer about it`, async ({ page }) => {
      const chat = new ChatPage(page);
      await page.goto('/');
      await page.getByRole('button', { name: question }).click();
      await expect(chat.userMessages.last()).toHaveText(question);
      await chat.expectStatus('done', 30_000);
      const subjects = SUBJECTS[id];
      expect(subjects, `subjects for ${id}`).toBeDefined();
      const last = chat.last();
      for (const subject of subjects ?? []) await expect(last.answer).toContainText(subject);
      await expect(last.answer).not.toContainText("This is Ruminate's Demo");
    });
  }

  test('the prime answer renders its math and table; the merge reasoning has titled steps', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Is 1,000,003 a prime number?' }).click();
    await chat.expectStatus('done', 30_000);
    await expect(chat.last().answer.locator('.katex-display')).toHaveCount(1);
    await expect(chat.last().answer.locator('table tbody tr')).toHaveCount(10);

    await chat.send('Write a function that merges two sorted lists.');
    await chat.expectStatus('done', 30_000);
    await chat.last().toggle.click();
    const titles = chat.last().reasoning.locator('p > strong:first-child');
    expect(await titles.count()).toBeGreaterThanOrEqual(8);
    await expect(titles.first()).toHaveText('Pinning down the task');
  });

  test('anything else gets a reply that lists exactly the presets Settings offers', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await page.goto('/');
    await chat.settingsButton.click();
    const options = chat.settingsDialog
      .getByRole('combobox', { name: 'Provider' })
      .locator('option');
    await expect(options.filter({ hasText: 'Demo' })).toHaveCount(1);
    const offered = await options.allTextContents();
    expect(offered.length).toBeGreaterThan(10);
    await chat.settingsDialog.getByRole('button', { name: 'Cancel' }).click();

    await chat.send('What is the capital of Australia?');
    await chat.expectStatus('done', 30_000);
    const answer = chat.last().answer;
    await expect(answer).toContainText('not a model');
    await expect(answer.locator('table tbody tr td:first-child')).toHaveText(offered);
  });
});

test.describe('choosing a script', () => {
  test('each suggested question, and its subject in other words, picks its script', () => {
    expect(SUGGESTED_QUESTIONS.map((q) => pickScript(q.question).id)).toEqual(
      SUGGESTED_QUESTIONS.map((q) => q.id),
    );
    expect(pickScript('is 1000003 prime').id).toBe('prime');
    expect(pickScript('Is 1 000 003 prime?').id).toBe('prime');
    expect(pickScript('How do I merge two sorted arrays?').id).toBe('merge');
    expect(pickScript('sqlite vs postgres?').id).toBe('databases');
  });

  test('a question the Demo has no script for gets the welcome reply, not a neighbour', () => {
    for (const text of ['Is 97 prime?', 'Sort a list', 'Compare SSE and WebSockets', '']) {
      expect(pickScript(text).id, text).toBe('welcome');
    }
  });
});
