import { expect, test, type Page } from '@playwright/test';
import { APP_PORT, MOCK_PORT } from './support/ports.mjs';
import { ChatPage } from './pages/chat-page';
import { Sidebar } from './pages/sidebar';
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { encodeShareFragment } from '../src/core/share/share-link-codec';
import { lettersOf, expectedText } from './support/expected-text';

/** Opens the share dialog of the visible conversation and returns the link it makes. */
async function shareLink(page: Page, options: { reasoning?: boolean; passphrase?: string } = {}) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Share/ });
  // This server stores short links; these tests are about the self-contained kind.
  await dialog.getByRole('radio', { name: /Self-contained link/ }).check();
  if (options.reasoning === false)
    await dialog.getByRole('switch', { name: 'Include reasoning' }).uncheck();
  if (options.passphrase !== undefined) {
    await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
    await dialog.getByLabel('Passphrase', { exact: true }).fill(options.passphrase);
    await dialog.getByLabel('Repeat passphrase').fill(options.passphrase);
  }
  const link = dialog.getByRole('textbox', { name: 'Link' });
  await expect(link).toHaveValue(/#s1e?\./);
  await expect(dialog.getByTestId('link-length')).toContainText('characters');
  return link.inputValue();
}

/** Records every request a page makes to a host other than the app's own. */
function foreignRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.host !== `127.0.0.1:${APP_PORT}`) seen.push(request.url());
  });
  return seen;
}

test.describe('share links that need no server', () => {
  test('a shared conversation opens read-only in an empty browser, and can be continued', async ({
    page,
    browser,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await chat.send('How many r in strawberry?');
    await chat.expectStatus('done');
    const url = await shareLink(page);
    expect(url).not.toContain('sk-browser-key');
    expect(url).not.toContain(String(MOCK_PORT));

    const viewer = await browser.newContext();
    const view = await viewer.newPage();
    const serverSaw: string[] = [];
    view.on('request', (request) => serverSaw.push(request.url()));
    await view.goto(url);
    await expect(view.getByRole('note')).toHaveText('Shared transcript, read only');
    await expect(view.getByTestId('user-message')).toHaveText('How many r in strawberry?');
    const reply = view.getByTestId('assistant-message');
    await expect(reply).toHaveAttribute('data-status', 'done');
    await expect(reply.getByTestId('reasoning-toggle')).toHaveText(/Thought for \d+ seconds?/);
    await reply.getByTestId('reasoning-toggle').click();
    const expected = expectedText('deepseek-reasoner-vercel-ai');
    expect(lettersOf(await reply.getByTestId('reasoning').innerText())).toBe(
      lettersOf(expected.reasoning),
    );
    await expect(reply.getByRole('button', { name: 'Regenerate' })).toHaveCount(0);
    // The fragment never reaches a server.
    for (const seen of serverSaw) expect(seen).not.toContain('#s1');

    await view.getByRole('button', { name: 'Continue this conversation' }).click();
    await expect(view).toHaveURL(/\?c=/);
    await expect(view.getByTestId('user-message')).toHaveText('How many r in strawberry?');
    await expect(view.getByRole('navigation', { name: 'Conversations' })).toContainText(
      'How many r in strawberry?',
    );
    await viewer.close();
  });

  test('without reasoning, the shared transcript has no thinking panel text', async ({
    page,
    browser,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await chat.send('Hi');
    await chat.expectStatus('done');
    const url = await shareLink(page, { reasoning: false });
    const viewer = await browser.newContext();
    const view = await viewer.newPage();
    await view.goto(url);
    await expect(view.getByTestId('assistant-message')).toHaveAttribute('data-status', 'done');
    await expect(view.getByTestId('reasoning-toggle')).toHaveCount(0);
    await viewer.close();
  });

  test('a passphrase link opens only with the right passphrase', async ({ page, browser }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await chat.send('Secret question');
    await chat.expectStatus('done');
    const url = await shareLink(page, { passphrase: 'correct horse' });
    expect(url).toContain('#s1e.');

    const viewer = await browser.newContext();
    const view = await viewer.newPage();
    await view.goto(url);
    await view.getByLabel('Passphrase', { exact: true }).fill('wrong');
    await view.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(view.getByRole('alert')).toContainText('wrong');
    await expect(view.getByTestId('user-message')).toHaveCount(0);
    await view.getByLabel('Passphrase', { exact: true }).fill('correct horse');
    await view.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(view.getByTestId('user-message')).toHaveText('Secret question');
    await viewer.close();
  });

  test('tampered, truncated, unknown-version and bomb links show a clear error page', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    await chat.send('Hi');
    await chat.expectStatus('done');
    const url = await shareLink(page);
    const bad = [
      url.slice(0, url.length - 12),
      url.replace(/#s1\.(.)(.)/, (_m, a: string, b: string) => `#s1.${b}${a}`),
      url.replace('#s1.', '#s9.'),
      `${url.split('#')[0]}#s1.!!!not-base64!!!`,
    ];
    for (const link of bad) {
      await page.goto('about:blank');
      await page.goto(link);
      await expect(page.getByTestId('share-error')).toBeVisible();
    }
    // Local history is untouched.
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Conversations' })).toContainText('Hi');
  });

  test('hostile content renders inertly: no script runs, no request leaves for a foreign host', async ({
    page,
  }) => {
    const fragment = await encodeShareFragment({
      title: '<img src=x onerror="window.__pwned=1">',
      messages: [
        { role: 'user', content: '<script>window.__pwned=1</script>' },
        {
          role: 'assistant',
          reasoning:
            '<iframe src="http://evil.example/"></iframe> <b onmouseover="window.__pwned=1">x</b>',
          answer: [
            '<img src=x onerror="window.__pwned=1">',
            '<script>window.__pwned=1</script>',
            '[click me](javascript:window.__pwned=1) [data](data:text/html,<script>alert(1)</script>)',
            '![pixel](http://evil.example/pixel.png)',
            'x'.repeat(1_000_000),
          ].join('\n\n'),
          status: 'done',
        },
      ],
    });
    const foreign = foreignRequests(page);
    await page.goto(`/#${fragment}`);
    const reply = page.getByTestId('assistant-message');
    await expect(reply).toHaveAttribute('data-status', 'done');
    await expect(reply.getByTestId('answer')).toContainText('<script>window.__pwned=1</script>');
    await expect(reply.getByTestId('answer').locator('img, script, iframe')).toHaveCount(0);
    // The image is a link, never loaded; the javascript: and data: links keep only their text.
    const hrefs = await reply
      .getByTestId('answer')
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs).toEqual(['http://evil.example/pixel.png']);
    await expect(reply.getByTestId('answer').getByText('click me')).toBeVisible();
    await reply.getByTestId('reasoning-toggle').click();
    await expect(reply.getByTestId('reasoning').locator('iframe')).toHaveCount(0);
    await expect(reply.getByTestId('answer')).toContainText('click me');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(foreign).toEqual([]);
  });

  test('a decompression bomb stops at 5 MB with a clear error page', async ({ page }) => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 });
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(bomb));
    const fragment = `s1.${Buffer.concat([bomb, crc]).toString('base64url')}`;
    await page.goto(`/#${fragment}`);
    await expect(page.getByTestId('share-error')).toContainText('5 MB');
  });

  test('issue 11: JSON export → import restores two versions and two branches; a second import asks', async ({
    page,
  }) => {
    const chat = new ChatPage(page);
    const sidebar = new Sidebar(page);
    await chat.openWithMock('deepseek-reasoner-vercel-ai');
    const question = 'How many r are in strawberry?';
    const edited = 'How many r are in the word strawberry, exactly?';
    await chat.send(question);
    await chat.expectStatus('done');
    await chat.chooseModel('alibaba-qwen3-max-reasoning-vercel-ai');
    await chat.last().message.getByRole('button', { name: 'Regenerate', exact: true }).click();
    await expect(page.getByLabel('answer version 2 of 2')).toBeVisible();
    await chat.expectStatus('done');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('textbox', { name: 'Edit message' }).fill(edited);
    await page.getByRole('button', { name: 'Send edit', exact: true }).click();
    await expect(page.getByLabel('question version 2 of 2')).toBeVisible();
    await chat.expectStatus('done');

    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('the .json keeps every version');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .json' }).click();
    const file = await (await download).path();
    await page.getByRole('button', { name: 'Done' }).click();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      version: number;
      contents: string;
      conversations: { messages: unknown[] }[];
    };
    expect(exported.version).toBe(2);
    expect(exported.contents).toMatch(/every version and branch/i);
    expect(exported.conversations[0]?.messages).toHaveLength(5);

    await sidebar.delete(question);
    await expect(sidebar.rows).toHaveText(['No conversations yet.']);
    const importer = page.getByLabel('Import a Ruminate JSON export');
    await importer.setInputFiles(file);
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported 1 conversation.' }),
    ).toBeVisible();
    await expect(sidebar.conversation(question)).toBeVisible();
    await expect(page.getByLabel('question version 2 of 2')).toBeVisible();
    await expect(chat.userMessages).toHaveText([edited]);
    await expect(chat.last().message).toContainText('Mock');
    await expect(chat.last().message).not.toContainText('Shared transcript');
    await page.getByRole('button', { name: 'Previous question version' }).click();
    await expect(chat.userMessages).toHaveText([question]);
    await expect(page.getByLabel('answer version 2 of 2')).toBeVisible();
    await chat.last().message.getByRole('button', { name: 'Previous answer version' }).click();
    await expect(page.getByLabel('answer version 1 of 2')).toBeVisible();
    await expect(chat.last().answer).toContainText('three');

    // The same file again: Ruminate recognises it and asks.
    await importer.setInputFiles([]);
    await importer.setInputFiles(file);
    const ask = page.getByRole('alert').filter({ hasText: 'is already in your history' });
    await expect(ask).toContainText(question);
    await ask.getByRole('button', { name: 'Skip', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Nothing new to import' }),
    ).toBeVisible();
    await expect(sidebar.conversation(question)).toHaveCount(1);

    await importer.setInputFiles([]);
    await importer.setInputFiles(file);
    await ask.getByRole('button', { name: 'Keep both', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported 1 conversation.' }),
    ).toBeVisible();
    await expect(sidebar.conversation(question)).toHaveCount(2);
  });
});
