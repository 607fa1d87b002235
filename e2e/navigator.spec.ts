import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './pages/chat-page';
import { TITLED_STEPS, titledReasoning } from './support/synthetic-traces.mjs';

/** Issue 13: long reasoning you can find your way through. */

declare global {
  interface Window {
    __stepTitles?: string[];
  }
}

/** Records every distinct text the header's current step shows, from DOM mutations. */
async function recordStepTitles(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const titles: string[] = [];
    window.__stepTitles = titles;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="reasoning-current-step"]')?.textContent;
      if (text && titles.at(-1) !== text) titles.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

async function outlineOf(chat: ChatPage) {
  const message = chat.last().message;
  const items = message.getByTestId('reasoning-outline-item');
  return {
    items,
    titles: await message.getByTestId('reasoning-outline-title').allInnerTexts(),
    durations: await items.evaluateAll((buttons) =>
      buttons.map((button) => button.getAttribute('data-duration-ms')),
    ),
  };
}

const remainderCount = (titledReasoning().match(/remainder/gi) ?? []).length;

test.describe('navigating long reasoning', () => {
  test('the header names the step being written, and the outline lists, times and jumps to every step, kept after a reload', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await recordStepTitles(page);
    await chat.openWithMock('synth-titled~80');
    await chat.send('What is 10^100 mod 7?');
    const last = chat.last();

    await chat.expectStatus('reasoning');
    await expect(last.message.getByTestId('reasoning-current-step')).toBeVisible();
    await chat.expectStatus('done');
    await expect(last.message.getByTestId('reasoning-current-step')).toHaveCount(0);
    const seen = await page.evaluate(() => window.__stepTitles ?? []);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(TITLED_STEPS.filter((title) => seen.includes(title))).toEqual(
      seen.filter((title) => TITLED_STEPS.includes(title)),
    );

    await last.toggle.click();
    const before = await outlineOf(chat);
    await expect(before.items).toHaveCount(4);
    expect(before.titles).toEqual(TITLED_STEPS);
    for (const duration of before.durations) expect(duration).toMatch(/^\d+$/);
    expect(before.durations.some((duration) => Number(duration) > 0)).toBe(true);

    await before.items.nth(2).click();
    const step = last.message.locator('[data-testid="reasoning-step"][data-step-index="2"]');
    await expect(step).toBeFocused();
    await expect(step).toBeInViewport();
    await expect(step).toContainText('Check with small cases');
    await before.items.nth(0).focus();
    await page.keyboard.press('Enter');
    await expect(last.message.locator('[data-step-index="0"]')).toBeFocused();

    await page.reload();
    await chat.expectStatus('done');
    // The panel was opened by hand, a choice kept with the message.
    await expect(chat.last().toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(chat.last().message.getByTestId('reasoning-outline-item')).toHaveCount(4);
    const after = await outlineOf(chat);
    expect(after.titles).toEqual(before.titles);
    expect(after.durations).toEqual(before.durations);
  });

  test('search counts every match in the trace, moves with Enter and Shift+Enter, and marks them', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('synth-titled');
    await chat.send('What is 10^100 mod 7?');
    await chat.expectStatus('done');
    const last = chat.last();
    await last.toggle.click();

    const search = last.message.getByRole('searchbox', { name: 'Search reasoning' });
    const count = last.message.getByTestId('reasoning-search-count');
    await search.fill('REMAINDER');
    await expect(count).toHaveText(`1 of ${remainderCount}`);
    await expect(last.reasoning.locator('mark')).toHaveCount(remainderCount);
    await search.press('Enter');
    await expect(count).toHaveText(`2 of ${remainderCount}`);
    const active = last.reasoning.locator('mark[data-active]');
    await expect(active).toHaveCount(1);
    await expect(active).toHaveText(/remainder/i);
    await expect(active).toBeInViewport();
    await search.press('Shift+Enter');
    await search.press('Shift+Enter');
    await expect(count).toHaveText(`${remainderCount} of ${remainderCount}`);
    await last.message.getByRole('button', { name: 'Next match' }).click();
    await expect(count).toHaveText(`1 of ${remainderCount}`);
    await search.fill('zebra');
    await expect(count).toHaveText('No matches');
    await expect(last.reasoning.locator('mark')).toHaveCount(0);
  });

  test('a looping trace raises the alarm with Stop; the alarm is kept after a reload', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('synth-loop~250');
    await chat.send('Add the digits.');
    const notice = chat.last().message.getByTestId('reasoning-repetition');
    await expect(notice).toContainText('The model seems to be repeating itself');
    await notice.getByRole('button', { name: 'Stop' }).click();
    await chat.expectStatus('stopped');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('button')).toHaveCount(0);

    await page.reload();
    await chat.expectStatus('stopped');
    await expect(chat.last().message.getByTestId('reasoning-repetition')).toBeVisible();
  });

  test('a healthy untitled trace gets steps from its pivots and no alarm, before and after a reload', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('synth-untitled');
    await chat.send('Check the factors.');
    await chat.expectStatus('done');
    const last = chat.last();
    await expect(last.message.getByTestId('reasoning-repetition')).toHaveCount(0);
    await last.toggle.click();
    const outline = await outlineOf(chat);
    expect(await outline.items.count()).toBeGreaterThanOrEqual(3);
    expect(outline.titles[0]).toMatch(/^Okay, so /);
    expect(outline.titles.some((title) => /^(Wait|Alternatively|Hmm)/.test(title))).toBe(true);

    await page.reload();
    await chat.expectStatus('done');
    await expect(chat.last().message.getByTestId('reasoning-repetition')).toHaveCount(0);
  });

  test('at phone width the outline folds into a Steps menu', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const chat = new ChatPage(page);
    await chat.openWithMock('synth-titled');
    await chat.send('What is 10^100 mod 7?');
    await chat.expectStatus('done');
    const last = chat.last();
    await last.toggle.click();
    const outline = last.message.getByTestId('reasoning-outline');
    const menu = outline.getByText('Steps (4)');
    await expect(menu).toBeVisible();
    await expect(last.message.getByTestId('reasoning-outline-item').first()).toBeHidden();
    await menu.click();
    await expect(last.message.getByTestId('reasoning-outline-item')).toHaveCount(4);
    await expect(last.message.getByTestId('reasoning-outline-item').first()).toBeVisible();
    await outline.screenshot({ path: testInfo.outputPath('outline-phone.png') });
    await last.message.getByTestId('reasoning-outline-item').nth(3).click();
    await expect(last.message.locator('[data-step-index="3"]')).toBeFocused();
  });
});
