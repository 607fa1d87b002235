import { expect, test, type Locator } from '@playwright/test';
import { ChatPage } from './pages/chat-page';

/** A finished reply with 4,000 reasoning tokens and a short answer, streamed as fast as possible. */
const LONG_REASONING = 'bench:r=4000,a=60,rate=0,seed=4';

/** Where `target` is in the message list's view: px from its top, and whether it is all inside. */
async function placeInList(chat: ChatPage, target: Locator) {
  const list = await chat.messageList.boundingBox();
  const box = await target.boundingBox();
  if (list === null || box === null) throw new Error('not rendered');
  return {
    top: Math.round(box.y - list.y),
    isInView: box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1,
  };
}

/** The first two lines (40 px) of `target` show in the message list's view. */
async function firstLinesInView(chat: ChatPage, target: Locator): Promise<boolean> {
  const list = await chat.messageList.boundingBox();
  const box = await target.boundingBox();
  if (list === null || box === null) throw new Error('not rendered');
  return box.y >= list.y - 1 && box.y + Math.min(40, box.height) <= list.y + list.height + 1;
}

/** How many px of the view show below `target`. */
async function shownBelow(chat: ChatPage, target: Locator): Promise<number> {
  const list = await chat.messageList.boundingBox();
  const box = await target.boundingBox();
  if (list === null || box === null) throw new Error('not rendered');
  return list.y + list.height - (box.y + box.height);
}

/** The first rendered block of the newest reply's reasoning. */
function firstReasoningBlock(chat: ChatPage): Locator {
  return chat.last().reasoning.locator('.markdown > *').first();
}

test.describe('opening and folding a finished Thinking panel (issue 11)', () => {
  test.beforeEach(async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(LONG_REASONING);
    await chat.send('Think at length.');
    await chat.expectStatus('done');
    await expect(chat.last().toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('a click keeps the header where it was and shows the first lines below it', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    const { toggle } = chat.last();
    const before = await placeInList(chat, toggle);
    expect(before.isInView).toBe(true);
    await toggle.click();
    await expect(chat.last().reasoning).toBeVisible();
    await expect(firstReasoningBlock(chat)).toBeVisible();
    // Give following (were it still on) the frames it would take to throw the view to the end.
    await page.waitForTimeout(300);
    const after = await placeInList(chat, toggle);
    expect(after.isInView).toBe(true);
    expect(after.top === before.top || after.top < before.top).toBe(true);
    expect(await firstLinesInView(chat, firstReasoningBlock(chat))).toBe(true);
    expect(await shownBelow(chat, toggle)).toBeGreaterThanOrEqual(200);
    await expect(page.getByRole('button', { name: 'Jump to latest ↓' })).toBeVisible();
  });

  test('the keyboard (Enter on the header) does the same', async ({ page }) => {
    const chat = new ChatPage(page);
    const { toggle } = chat.last();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(firstReasoningBlock(chat)).toBeVisible();
    await page.waitForTimeout(300);
    expect((await placeInList(chat, toggle)).isInView).toBe(true);
    expect(await firstLinesInView(chat, firstReasoningBlock(chat))).toBe(true);
  });

  test('Alt+R opens with the header and first lines in view', async ({ page }) => {
    const chat = new ChatPage(page);
    const { toggle } = chat.last();
    await chat.composer.focus();
    await page.keyboard.press('Alt+r');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.waitForTimeout(300);
    expect((await placeInList(chat, toggle)).isInView).toBe(true);
    expect(await firstLinesInView(chat, firstReasoningBlock(chat))).toBe(true);
    expect(await shownBelow(chat, toggle)).toBeGreaterThanOrEqual(200);
  });

  test('folding the panel being read brings its header back, not a page further on', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.send('And again.');
    await expect(chat.assistantMessages).toHaveCount(2);
    await chat.expectStatus('done');
    const first = chat.reply(0);
    await first.toggle.click();
    await expect(first.reasoning).toBeVisible();
    // Read into the middle of the first reasoning, then Alt+R twice: the first opens the second
    // panel (the one being read stays put), the second folds both.
    await first.reasoning.locator('.markdown > *').nth(6).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(300);
    expect((await placeInList(chat, first.toggle)).isInView).toBe(false);
    await page.keyboard.press('Alt+r');
    await expect(chat.reply(1).toggle).toHaveAttribute('aria-expanded', 'true');
    await page.waitForTimeout(300);
    expect((await placeInList(chat, first.reasoning)).isInView).toBe(false); // still inside it
    await page.keyboard.press('Alt+r');
    await expect(first.toggle).toHaveAttribute('aria-expanded', 'false');
    await page.waitForTimeout(300);
    const header = await placeInList(chat, first.toggle);
    expect(header.isInView).toBe(true);
    expect(header.top).toBeLessThan(8);
  });
});
