import { expect, test } from '@playwright/test';
import { ChatPage } from './pages/chat-page';
import { Sidebar } from './pages/sidebar';

/** Sidebar, phone and polish details of issue 11, in the built app against the mock provider. */
test.describe('reading details', () => {
  test('the composer has focus on load, after sending and on New chat; the tab takes the title', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    const sidebar = new Sidebar(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await expect(chat.composer).toBeFocused();
    await expect(page).toHaveTitle('Ruminate');
    await chat.send('Count the letters, please.');
    await expect(chat.composer).toBeFocused();
    await chat.expectStatus('done');
    await expect(page).toHaveTitle('Count the letters, please. · Ruminate');
    await chat.composer.fill('a draft for this one');
    await sidebar.newChat();
    await expect(chat.composer).toBeFocused();
    await expect(chat.composer).toHaveValue('');
    await expect(page).toHaveTitle('Ruminate');
    await sidebar.conversation('Count the letters, please.').click();
    await expect(chat.composer).toHaveValue('a draft for this one');
    await page.reload();
    await expect(chat.composer).toHaveValue('a draft for this one');
  });

  test('a row shows its whole title as a tooltip and a relative date; its menu works by keyboard', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    const sidebar = new Sidebar(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    const long = 'Which sorting algorithms are stable, and why does it matter?';
    for (const question of ['First question', long]) {
      await sidebar.newChat();
      await chat.send(question);
      await chat.expectStatus('done');
    }
    const row = sidebar.conversation(long);
    await expect(row).toHaveAttribute('title', long);
    await expect(row).toContainText('now');
    // The title uses the row's width: about 28 characters show at the sidebar's 256 px (10 did).
    const shown = await row
      .locator('span')
      .first()
      .evaluate((el) => el.clientWidth);
    expect(shown).toBeGreaterThan(160);

    // Keyboard: Tab from the row reaches its menu button; Enter opens; arrows move; Enter deletes.
    await row.focus();
    await page.keyboard.press('Tab');
    const menuButton = sidebar.nav.getByRole('button', { name: `Actions for “${long}”` });
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    const menu = sidebar.nav.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
    const deleteBox = await menu.getByRole('menuitem', { name: 'Delete' }).boundingBox();
    await page.keyboard.press('Enter');
    await expect(sidebar.conversation(long)).toHaveCount(0);
    // Where the pointer was, no Delete waits to be clicked again.
    if (deleteBox === null) throw new Error('no Delete item');
    const under = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? '',
      [deleteBox.x + deleteBox.width / 2, deleteBox.y + deleteBox.height / 2],
    );
    expect(under).not.toContain('Delete');
    await expect(sidebar.conversation('First question')).toBeVisible();
  });

  test('the Demo notice can be dismissed, and stays dismissed', async ({ page }) => {
    await page.goto('/');
    const notice = page.getByRole('note');
    await expect(notice).toContainText('Demo provider');
    await notice.getByRole('button', { name: 'Dismiss the Demo notice' }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('no keyboard hints; table headers stay whole and the table scrolls sideways', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('llamacpp-tiny-random-markdown-answer');
    await expect(page.getByText('Enter to send')).toBeHidden();
    await chat.send('A table, please.');
    await chat.expectStatus('done');
    const table = chat.last().answer.locator('table');
    for (const th of await table.locator('th').all()) {
      // One line: a header broken mid-word would be two or more lines tall.
      const lines = await th.evaluate((el) => {
        const style = getComputedStyle(el);
        return Math.round(
          (el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) /
            parseFloat(style.lineHeight),
        );
      });
      expect(lines).toBe(1);
    }
    await expect(table).toHaveCSS('overflow-x', 'auto');
  });
});
