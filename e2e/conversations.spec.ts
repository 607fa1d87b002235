import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ChatPage, MOCK_BASE_URL } from './pages/chat-page';
import { Sidebar } from './pages/sidebar';
import { expectedText, lettersOf } from './support/expected-text';

const DEEPSEEK = 'deepseek-reasoner-vercel-ai';
const QWEN = 'alibaba-qwen3-max-reasoning-vercel-ai';
const TOGETHER = 'together-via-hf-router-deepseek-r1-think-in-content-pydantic-ai';

/** The mock provider's log of received requests. */
const REQUEST_LOG = new URL('/__requests', MOCK_BASE_URL).href;

interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
}

/** The chat completions POSTs the mock received (CORS preflights and model lists left out). */
async function completionPosts(request: APIRequestContext): Promise<LoggedRequest[]> {
  const response = await request.get(REQUEST_LOG);
  expect(response.ok()).toBe(true);
  const log = (await response.json()) as LoggedRequest[];
  return log.filter((entry) => entry.method === 'POST' && entry.path === '/v1/chat/completions');
}

/** Geometry of the message list, for the follow-the-stream checks. */
async function scrollState(chat: ChatPage) {
  return chat.messageList.evaluate((element) => ({
    top: element.scrollTop,
    height: element.scrollHeight,
    fromBottom: element.scrollHeight - element.scrollTop - element.clientHeight,
  }));
}

/** Resolves once the list's scrollTop has not moved for 10 frames (a wheel scroll may animate). */
async function waitForScrollToSettle(chat: ChatPage): Promise<void> {
  await chat.messageList.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        let last = element.scrollTop;
        let still = 0;
        const check = () => {
          still = element.scrollTop === last ? still + 1 : 0;
          last = element.scrollTop;
          if (still >= 10) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/**
 * Every question shown in order, each followed by a reply that ended `done`. Soft, so a failure
 * still checks the other page.
 */
async function expectWholeConversation(
  chat: ChatPage,
  questions: string[],
  where: string,
): Promise<void> {
  await expect.soft(chat.userMessages, where).toHaveText(questions);
  await expect.soft(chat.assistantMessages, where).toHaveCount(questions.length);
  for (let index = 0; index < questions.length; index++) {
    await expect
      .soft(chat.reply(index).message, `${where}: reply ${index + 1}`)
      .toHaveAttribute('data-status', 'done');
  }
}

/** Runs axe and fails (softly, so every state is checked) on serious or critical violations. */
async function expectNoSeriousAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = serious
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n')}`,
    )
    .join('\n');
  expect
    .soft(
      serious.map((violation) => violation.id),
      `axe violations ${state}:\n${report}`,
    )
    .toEqual([]);
}

/** Questions of the two sidebar conversations: the first answered by DeepSeek, the second by Qwen. */
const FIRST_QUESTION = 'Count the letters, please.';
const SECOND_QUESTION = 'Spell it out for me.';

/**
 * A word of the second conversation's answer found nowhere in the first conversation, nor in the
 * second's reasoning or in either question: only a search of answers can find it.
 */
function wordOnlyInSecondAnswer(): string {
  const first = expectedText(DEEPSEEK);
  const second = expectedText(QWEN);
  const elsewhere = [
    first.answer,
    first.reasoning,
    second.reasoning,
    FIRST_QUESTION,
    SECOND_QUESTION,
  ]
    .join('\n')
    .toLowerCase();
  const word = (second.answer.match(/\p{L}{6,}/gu) ?? [])
    .map((candidate) => candidate.toLowerCase())
    .find((candidate) => !elsewhere.includes(candidate));
  expect(word, 'a word only the second answer has').toBeDefined();
  return word ?? '';
}

/**
 * With both sidebar conversations saved and the second open: search by a word of its answer,
 * rename it (kept after a reload), delete the first and bring it back with Undo.
 */
async function checkSearchRenameDeleteUndo(page: Page, sidebar: Sidebar): Promise<void> {
  await expect(sidebar.rows).toHaveCount(2);
  const word = wordOnlyInSecondAnswer();
  await sidebar.search.fill(word);
  await expect(sidebar.rows).toHaveCount(1);
  await expect(sidebar.conversation(SECOND_QUESTION)).toBeVisible();
  await expect(sidebar.conversation(FIRST_QUESTION)).toHaveCount(0);
  await sidebar.search.fill('');
  await expect(sidebar.rows).toHaveCount(2);

  const renamed = 'Strawberry, letter by letter';
  await sidebar.rename(SECOND_QUESTION, renamed);
  await expect(sidebar.conversation(renamed)).toBeVisible();
  await expect(sidebar.conversation(SECOND_QUESTION)).toHaveCount(0);
  await page.reload();
  await expect(sidebar.conversation(renamed)).toHaveAttribute('aria-current', 'page');
  await expect(sidebar.rows).toHaveCount(2);

  await sidebar.delete(FIRST_QUESTION);
  await expect(sidebar.conversation(FIRST_QUESTION)).toHaveCount(0);
  await expect(sidebar.rows).toHaveCount(1);
  await expect(sidebar.nav.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(
    /Deleted “Count the letters, please\.”/,
  );
  await sidebar.undoButton.click();
  await expect(sidebar.conversation(FIRST_QUESTION)).toBeVisible();
  await expect(sidebar.rows).toHaveCount(2);
  await expect(sidebar.conversation(renamed)).toHaveAttribute('aria-current', 'page');
}

test.describe('conversations: history, versions, storage and tabs', () => {
  test('the second request carries the first turn: question, answer without reasoning, question', async ({
    page,
    request,
  }) => {
    await request.delete(REQUEST_LOG);
    const chat = new ChatPage(page);
    await chat.openWithMock(DEEPSEEK);
    const first = 'How many r are in strawberry?';
    const second = 'And in raspberry?';

    await chat.send(first);
    await chat.expectStatus('done');
    await chat.send(second);
    await expect(chat.assistantMessages).toHaveCount(2);
    await chat.expectStatus('done');

    const posts = await completionPosts(request);
    expect(posts).toHaveLength(2);
    const body = posts[1].body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: 'user', content: first },
      { role: 'assistant', content: expectedText(DEEPSEEK).answer },
      { role: 'user', content: second },
    ]);
  });

  test('a reload mid-stream keeps the partial text, marked interrupted, and Retry finishes it', async ({
    page,
  }) => {
    // The retry replays the whole slow recording (~18 s).
    test.slow();
    const chat = new ChatPage(page);
    await chat.openWithMock(`${DEEPSEEK}~80`);
    await chat.send('Take your time.');
    const last = chat.last();
    await chat.expectStatus('reasoning');
    await expect(last.reasoning).not.toHaveText('');
    // A streaming reply is saved at least once a second: let at least one periodic save happen.
    await page.waitForTimeout(1200);
    await chat.expectStatus('reasoning');

    await page.reload();
    const reply = chat.last();
    await expect(chat.assistantMessages).toHaveCount(1);
    await expect(reply.message).toHaveAttribute('data-status', 'interrupted');
    await expect(reply.message).toContainText('Interrupted (page reloaded)');
    if ((await reply.toggle.getAttribute('aria-expanded')) !== 'true') await reply.toggle.click();
    await expect(reply.reasoning).not.toHaveText('');
    const partial = lettersOf(await reply.reasoning.innerText());
    expect(partial.length).toBeGreaterThan(0);
    expect(lettersOf(expectedText(DEEPSEEK).reasoning).startsWith(partial)).toBe(true);

    await reply.message.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect(chat.assistantMessages).toHaveCount(1);
    await expect(page.getByLabel('answer version 2 of 2')).toBeVisible();
    await chat.expectStatus('done', 40_000);
    await expect(chat.last().answer).toContainText('three');
  });

  test('issue 10: a reply reloaded mid-stream keeps everything received up to the reload', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(`${DEEPSEEK}~60`);
    await chat.send('Take your time.');
    const last = chat.last();
    await chat.expectStatus('reasoning');
    // Well past the first save, and between two timed saves (once a second) whenever it is read.
    await expect
      .poll(async () => lettersOf(await last.reasoning.innerText()).length)
      .toBeGreaterThan(80);
    await page.waitForTimeout(700);
    const shown = lettersOf(await last.reasoning.innerText());
    await page.reload();

    const reply = chat.last();
    await expect(reply.message).toHaveAttribute('data-status', 'interrupted');
    if ((await reply.toggle.getAttribute('aria-expanded')) !== 'true') await reply.toggle.click();
    const kept = lettersOf(await reply.reasoning.innerText());
    expect(kept.startsWith(shown), `kept ${kept.length} letters, ${shown.length} were shown`).toBe(
      true,
    );
  });

  test('issue 10: a refused send keeps the composer text', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(DEEPSEEK, { model: '' });
    const question = 'A question typed before choosing a model';
    await chat.send(question);
    await expect(chat.settingsDialog).toBeVisible();
    await chat.settingsDialog.getByRole('combobox', { name: 'Model', exact: true }).fill(DEEPSEEK);
    await chat.settingsDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(chat.settingsDialog).toBeHidden();
    await expect(chat.composer).toHaveValue(question);
    await chat.composer.press('Enter');
    await expect(chat.userMessages).toHaveText([question]);
    await expect(chat.composer).toHaveValue('');
    await chat.expectStatus('done');
  });

  test('Regenerate adds a version; the arrows move between versions and the choice survives a reload', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(DEEPSEEK);
    await chat.send('How many r are in strawberry?');
    await chat.expectStatus('done');
    /** The letters of the answer shown, to compare with a recording's markdown. */
    const shownAnswer = async () => lettersOf(await chat.last().answer.innerText());
    const firstAnswer = lettersOf(expectedText(DEEPSEEK).answer);
    const secondAnswer = lettersOf(expectedText(QWEN).answer);
    await expect.poll(shownAnswer).toBe(firstAnswer);

    // Another recording for the second version, so the two versions read differently.
    await chat.chooseModel(QWEN);
    await chat.last().message.getByRole('button', { name: 'Regenerate', exact: true }).click();
    await expect(page.getByLabel('answer version 2 of 2')).toBeVisible();
    await chat.expectStatus('done');
    await expect.poll(shownAnswer).toBe(secondAnswer);
    await expect(chat.assistantMessages).toHaveCount(1);

    const message = chat.last().message;
    await message.getByRole('button', { name: 'Previous answer version' }).click();
    await expect(page.getByLabel('answer version 1 of 2')).toBeVisible();
    await expect.poll(shownAnswer).toBe(firstAnswer);
    await message.getByRole('button', { name: 'Next answer version' }).click();
    await expect(page.getByLabel('answer version 2 of 2')).toBeVisible();
    await expect.poll(shownAnswer).toBe(secondAnswer);

    await page.reload();
    await expect(page.getByLabel('answer version 2 of 2')).toBeVisible();
    await expect.poll(shownAnswer).toBe(secondAnswer);

    // The older version, chosen, is what a reload shows too.
    await chat.last().message.getByRole('button', { name: 'Previous answer version' }).click();
    await expect(page.getByLabel('answer version 1 of 2')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('answer version 1 of 2')).toBeVisible();
    await expect.poll(shownAnswer).toBe(firstAnswer);
  });

  test('editing a question and sending it starts a branch; the old branch stays reachable', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(DEEPSEEK);
    const original = 'How many r are in strawberry?';
    const edited = 'How many r are in the word strawberry, exactly?';
    await chat.send(original);
    await chat.expectStatus('done');
    await expect(chat.last().answer).toContainText('three');

    await chat.chooseModel(QWEN);
    const row = page.getByTestId('user-message-row');
    await row.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Edit message' });
    await expect(editor).toHaveValue(original);
    await editor.fill(edited);
    await page.getByRole('button', { name: 'Send edit', exact: true }).click();

    await expect(chat.userMessages).toHaveText([edited]);
    await expect(chat.assistantMessages).toHaveCount(1);
    await chat.expectStatus('done');
    await expect(chat.last().answer).toContainText('Answer: 3');
    await expect(page.getByLabel('question version 2 of 2')).toBeVisible();

    await page.getByRole('button', { name: 'Previous question version' }).click();
    await expect(page.getByLabel('question version 1 of 2')).toBeVisible();
    await expect(chat.userMessages).toHaveText([original]);
    await expect(chat.assistantMessages).toHaveCount(1);
    await expect(chat.last().message).toHaveAttribute('data-status', 'done');
    await expect(chat.last().answer).toContainText('three');
    await expect(chat.last().answer).not.toContainText('Answer: 3');
  });

  // Regression: New chat and opening another conversation used to bounce back to the open one.
  test('sidebar: search finds a word only an answer contains; rename; delete and Undo', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    const sidebar = new Sidebar(page);
    await chat.openWithMock(DEEPSEEK);
    await chat.send(FIRST_QUESTION);
    await chat.expectStatus('done');
    await expect(sidebar.conversation(FIRST_QUESTION)).toBeVisible();

    await sidebar.newChat();
    await expect(chat.assistantMessages).toHaveCount(0);
    await chat.chooseModel(QWEN);
    await chat.send(SECOND_QUESTION);
    await chat.expectStatus('done');

    await checkSearchRenameDeleteUndo(page, sidebar);
    await sidebar.conversation(FIRST_QUESTION).click();
    await expect(page).toHaveURL(/[?&]c=/);
    await expect(chat.userMessages).toHaveText([FIRST_QUESTION]);
    await expect(chat.last().message).toHaveAttribute('data-status', 'done');
    await expect(chat.last().answer).toContainText('three');
  });

  test('a person’s panel toggle survives a new message and a reload', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(DEEPSEEK);
    await chat.send('How many r are in strawberry?');
    await chat.expectStatus('done');
    const first = chat.reply(0);
    await expect(first.toggle).toHaveAttribute('aria-expanded', 'false');
    await first.toggle.click();
    await expect(first.toggle).toHaveAttribute('aria-expanded', 'true');

    await chat.send('And in raspberry?');
    await expect(chat.assistantMessages).toHaveCount(2);
    await chat.expectStatus('done');
    const second = chat.reply(1);
    await expect(first.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(first.reasoning).not.toHaveText('');
    await expect(second.toggle).toHaveAttribute('aria-expanded', 'false');

    await page.reload();
    await expect(chat.assistantMessages).toHaveCount(2);
    await expect(first.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(first.reasoning).not.toHaveText('');
    await expect(second.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(second.reasoning).toHaveCount(0);
  });

  test('scrolling up during a stream stops the follow and offers Jump to latest', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.addInitScript(() =>
      localStorage.setItem('ruminate.preferences.v1', JSON.stringify({ reasoningPanel: 'open' })),
    );
    const chat = new ChatPage(page);
    const jump = page.getByRole('button', { name: 'Jump to latest ↓' });
    await chat.openWithMock(`${TOGETHER}~15`);
    await chat.send('How do I cross the street?');

    // While the answer streams the open reasoning is part of the list, so the list grows.
    await chat.expectStatus('answering');
    await expect
      .poll(async () => {
        const { height } = await scrollState(chat);
        const client = await chat.messageList.evaluate((element) => element.clientHeight);
        return height - client;
      })
      .toBeGreaterThan(600);
    // Following: at the bottom, no jump button.
    expect((await scrollState(chat)).fromBottom).toBeLessThanOrEqual(48);
    await expect(jump).toBeHidden();

    await chat.messageList.hover();
    await page.mouse.wheel(0, -500);
    await waitForScrollToSettle(chat);
    const scrolled = await scrollState(chat);
    expect(scrolled.fromBottom).toBeGreaterThan(48);
    await expect(jump).toBeVisible();

    // Text keeps arriving; the reader stays where they are.
    await expect
      .poll(async () => (await scrollState(chat)).height)
      .toBeGreaterThan(scrolled.height + 100);
    await chat.expectStatus('answering');
    const later = await scrollState(chat);
    expect(later.top).toBe(scrolled.top);
    expect(later.fromBottom).toBeGreaterThan(scrolled.fromBottom);
    await expect(jump).toBeVisible();

    await jump.click();
    await expect(jump).toBeHidden();
    await expect.poll(async () => (await scrollState(chat)).fromBottom).toBeLessThanOrEqual(48);
    // And it follows again until the end.
    await chat.expectStatus('done', 30_000);
    await expect.poll(async () => (await scrollState(chat)).fromBottom).toBeLessThanOrEqual(48);
  });

  test('issue 10: after a storage-full error, unsaved messages wait and are saved once there is space', async ({
    page,
  }) => {
    // IndexedDB refuses every write while `__isStorageFull` is set, as a full disk does.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
        if ((window as { __isStorageFull?: boolean }).__isStorageFull === true) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
    });
    const chat = new ChatPage(page);
    await chat.openWithMock(DEEPSEEK);
    await page.evaluate(() => ((window as { __isStorageFull?: boolean }).__isStorageFull = true));
    await chat.send('Saved later?');
    await chat.expectStatus('done');
    const banner = page.getByTestId('storage-banner');
    await expect(banner).toContainText('Browser storage is full');
    await expect(banner).toContainText(/\d+ unsaved changes wait in this tab/);

    await page.evaluate(() => ((window as { __isStorageFull?: boolean }).__isStorageFull = false));
    await expect(banner).toBeHidden({ timeout: 15_000 });
    await page.reload();
    await expect(chat.userMessages).toHaveText(['Saved later?']);
    await chat.expectStatus('done');
    await expect(chat.last().answer).toContainText('three');
    await expect(new Sidebar(page).conversation('Saved later?')).toBeVisible();
  });

  test('two pages on one conversation both end with every message', async ({ page, context }) => {
    const a = new ChatPage(page);
    await a.openWithMock(DEEPSEEK);
    await a.send('First question');
    await a.expectStatus('done');
    await expect(page).toHaveURL(/[?&]c=/);

    // Same context: same localStorage (provider settings) and IndexedDB.
    const pageB = await context.newPage();
    const b = new ChatPage(pageB);
    await pageB.goto(page.url());
    await expectWholeConversation(b, ['First question'], 'page B on open');

    await a.send('Second question');
    await expect(a.assistantMessages).toHaveCount(2);
    await a.expectStatus('done');
    await expectWholeConversation(b, ['First question', 'Second question'], 'page B');

    await b.send('Third question');
    await expect(b.assistantMessages).toHaveCount(3);
    await b.expectStatus('done');

    const all = ['First question', 'Second question', 'Third question'];
    await expectWholeConversation(a, all, 'page A');
    await expectWholeConversation(b, all, 'page B');

    await page.reload();
    await expectWholeConversation(a, all, 'page A after a reload');
    await pageB.reload();
    await expectWholeConversation(b, all, 'page B after a reload');
  });

  test('axe finds no serious or critical violations: reply, Settings, sidebar', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    const sidebar = new Sidebar(page);
    await chat.openWithMock(DEEPSEEK);
    await chat.send('How many r are in strawberry?');
    await chat.expectStatus('done');
    await chat.last().toggle.click();
    await expect(chat.last().reasoning).toBeVisible();
    // Checked at rest, not with the pointer still hovering the toggle.
    await page.mouse.move(0, 0);
    await expectNoSeriousAxeViolations(page, 'with a finished reply, panel expanded');

    await chat.settingsButton.click();
    await expect(chat.settingsDialog).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'with the Settings dialog open');
    await chat.settingsDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(chat.settingsDialog).toBeHidden();

    // A second conversation, so the sidebar has two rows.
    await sidebar.newChat();
    await chat.send('And in raspberry?');
    await chat.expectStatus('done');
    await expect(sidebar.rows).toHaveCount(2);
    await page.mouse.move(0, 0);
    await expectNoSeriousAxeViolations(page, 'with the sidebar listing conversations');
  });

  test('keyboard only: Tab to the composer, Enter sends, Escape stops, Alt+R opens every panel', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock(`${DEEPSEEK}~30`);
    await expect(chat.composer).toBeVisible();

    let presses = 0;
    while (!(await chat.composer.evaluate((element) => element === document.activeElement))) {
      expect(presses, 'Tab reaches the composer').toBeLessThan(20);
      await page.keyboard.press('Tab');
      presses += 1;
    }
    await page.keyboard.type('How many r are in strawberry?');
    await page.keyboard.press('Enter');
    await expect(chat.userMessages).toHaveText(['How many r are in strawberry?']);
    await expect(chat.composer).toBeFocused();
    await expect(chat.composer).toHaveValue('');

    await chat.expectStatus('reasoning');
    await page.keyboard.press('Escape');
    await chat.expectStatus('stopped');
    await expect(chat.composer).toBeFocused();

    await page.keyboard.type('And in raspberry?');
    await page.keyboard.press('Enter');
    await expect(chat.assistantMessages).toHaveCount(2);
    await expect(chat.composer).toBeFocused();
    await chat.expectStatus('done');

    // Stopped while thinking, the first reply has only reasoning, so its panel stays open; the
    // second, answered, folded.
    await expect(chat.reply(0).toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(chat.reply(1).toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Alt+r');
    await expect(chat.reply(0).toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(chat.reply(1).toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(chat.reply(0).reasoning).not.toHaveText('');
    await expect(chat.reply(1).reasoning).not.toHaveText('');
    await page.keyboard.press('Alt+r');
    await expect(chat.reply(0).toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(chat.reply(1).toggle).toHaveAttribute('aria-expanded', 'false');
  });
});
