import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server/start.mjs';
import { ChatPage } from './pages/chat-page';

/** A word that must never reach the server in the clear. */
const MARKER = 'quixotically';
const SHORT_LINK = /^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{16}#[A-Za-z0-9_-]{43}$/;

type Running = Awaited<ReturnType<typeof startServer>>;

/** Starts a Ruminate server of its own (the built app, no upstream) on `port` (0: any free). */
function startShareServer(env: Record<string, string>, port = 0): Promise<Running> {
  return startServer({ port, env: { RUMINATE_DEMO_SPEED: '20', ...env }, log: () => undefined });
}

/** Opens the app on `server` with the mock provider and asks a question holding the marker. */
async function chatOn(browser: Browser, server: Running): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const chat = new ChatPage(page);
  await chat.openWithMock('deepseek-reasoner-vercel-ai');
  await chat.send(`Remember the word ${MARKER}, please.`);
  await chat.expectStatus('done');
  return page;
}

/** Makes a short link in the Share dialog and returns it; the dialog stays open. */
async function makeShortLink(page: Page, passphrase?: string): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Share/ });
  await expect(dialog.getByRole('radio', { name: /Short link/ })).toBeChecked();
  await expect(dialog.getByTestId('share-audience')).toHaveText(
    /encrypted copy it cannot read; anyone with the link can read it/,
  );
  if (passphrase !== undefined) {
    await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
    await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await dialog.getByLabel('Repeat passphrase').fill(passphrase);
    await expect(dialog.getByTestId('share-audience')).toHaveText(
      /only people with the link and the passphrase can read it/,
    );
  }
  await dialog.getByRole('button', { name: 'Create short link' }).click();
  const link = dialog.getByRole('textbox', { name: 'Link' });
  await expect(link).toHaveValue(SHORT_LINK);
  return link.inputValue();
}

/** Opens `url` in a fresh browser context (an empty profile). */
async function openFresh(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function expectTranscript(view: Page) {
  await expect(view.getByRole('note')).toHaveText('Shared transcript, read only');
  await expect(view.getByTestId('user-message')).toHaveText(`Remember the word ${MARKER}, please.`);
  await expect(view.getByTestId('assistant-message')).toHaveAttribute('data-status', 'done');
}

/** Every byte of every file in the data directory (the database, its WAL and shared memory). */
function dataBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(path.join(dir, name))));
}

test.describe('short links the server cannot read', () => {
  let dataDir: string;
  let server: Running;

  test.beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ruminate-e2e-shares-'));
    server = await startShareServer({ RUMINATE_DATA_DIR: dataDir });
  });
  test.afterEach(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a short link opens in a fresh browser, again after a restart, and not once deleted', async ({
    browser,
  }) => {
    const page = await chatOn(browser, server);
    const url = await makeShortLink(page);
    expect(url.length).toBeLessThanOrEqual(90);

    const first = await openFresh(browser, url);
    await expectTranscript(first);
    const database = dataBytes(dataDir);
    expect(database.length).toBeGreaterThan(0);
    expect(database.includes(Buffer.from(MARKER))).toBe(false);
    expect(database.includes(Buffer.from(url.split('#')[1]!))).toBe(false);

    const port = server.port;
    await server.close();
    server = await startShareServer({ RUMINATE_DATA_DIR: dataDir }, port);
    const afterRestart = await openFresh(browser, url);
    await expectTranscript(afterRestart);

    const dialog = page.getByRole('dialog', { name: /Share/ });
    await dialog.getByRole('button', { name: 'Delete this link' }).click();
    await expect(dialog.getByTestId('link-length')).toHaveText('Link deleted: it no longer opens.');
    const afterDelete = await openFresh(browser, url);
    await expect(afterDelete.getByTestId('share-error')).toContainText('no longer on this server');
    await expect(afterDelete.getByTestId('user-message')).toHaveCount(0);
  });

  test('a link made earlier can be deleted from the dialog later, in this browser', async ({
    browser,
  }) => {
    const page = await chatOn(browser, server);
    const url = await makeShortLink(page);
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const earlier = page.getByTestId('earlier-short-link');
    await expect(earlier).toHaveCount(1);
    await expect(earlier).toContainText(url);
    await earlier.getByRole('button', { name: 'Delete this link' }).click();
    await expect(earlier).toHaveCount(0);
    const view = await openFresh(browser, url);
    await expect(view.getByTestId('share-error')).toContainText('no longer on this server');
  });

  test('a passphrase short link needs the passphrase; a lost or wrong key gets a clear page', async ({
    browser,
  }) => {
    const page = await chatOn(browser, server);
    const url = await makeShortLink(page, 'correct horse battery staple');
    const view = await openFresh(browser, url);
    await view.getByLabel('Passphrase', { exact: true }).fill('wrong');
    await view.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(view.getByRole('alert')).toContainText('wrong');
    await view.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
    await view.getByRole('button', { name: 'Open', exact: true }).click();
    await expectTranscript(view);

    const [base, key] = url.split('#') as [string, string];
    const noKey = await openFresh(browser, base);
    await expect(noKey.getByTestId('share-error')).toContainText('lost its key');
    const otherKey = `${key.slice(0, 10)}${key[10] === 'A' ? 'B' : 'A'}${key.slice(11)}`;
    const wrongKey = await openFresh(browser, `${base}#${otherKey}`);
    await expect(wrongKey.getByTestId('share-error')).toContainText('does not open');
  });

  test('the passphrase fields: labelled, shown on request, and the link waits for a match', async ({
    browser,
  }) => {
    const page = await chatOn(browser, server);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Share/ });
    await dialog.getByRole('radio', { name: /Self-contained link/ }).check();
    await expect(dialog.getByTestId('share-audience')).toHaveText(
      /nothing is uploaded, and anyone with the link can read it/,
    );
    await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
    const passphrase = dialog.getByLabel('Passphrase', { exact: true });
    await passphrase.fill('hunter2');
    await expect(passphrase).toHaveAttribute('type', 'password');
    await expect(dialog.getByTestId('passphrase-strength')).toContainText('Weak');
    await dialog.getByRole('button', { name: 'Show passphrase' }).click();
    await expect(passphrase).toHaveAttribute('type', 'text');
    await dialog.getByLabel('Repeat passphrase').fill('hunter3');
    await expect(dialog.getByText('The two passphrases differ.')).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveValue('');
    await dialog.getByLabel('Repeat passphrase').fill('hunter2');
    await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveValue(/#s1e\./);
    await expect(dialog.getByTestId('share-audience')).toHaveText(
      /encrypted: nothing is uploaded, and only people with the link and the passphrase/,
    );
  });

  test('a cross-site POST /api/shares is refused and stores nothing', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Another origin: the mock provider's page.
    const { MOCK_ORIGIN } = await import('./support/ports.mjs');
    await page.goto(`${MOCK_ORIGIN}/health`);
    // What the server answered to each POST, seen from the server itself.
    const posts: number[] = [];
    server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST' || !req.url?.startsWith('/api/shares')) return;
      res.on('finish', () => posts.push(res.statusCode));
    });
    const post = (contentType: string) =>
      page.evaluate(
        async ([target, type]) => {
          try {
            const response = await fetch(`${target}/api/shares`, {
              method: 'POST',
              headers: { 'content-type': type },
              body: 'x',
            });
            return String(response.status);
          } catch {
            return 'blocked';
          }
        },
        [server.url, contentType] as const,
      );
    // A simple request (no preflight) reaches the server, which refuses it as cross-site (without
    // that check it would answer 415); the page cannot read the answer either way.
    expect(await post('text/plain')).toBe('blocked');
    await expect.poll(() => posts).toEqual([403]);
    // The sealed body's own type needs a preflight, which is refused: the POST never leaves.
    expect(await post('application/octet-stream')).toBe('blocked');
    expect(posts).toEqual([403]);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dataDir, 'ruminate.db'), { readonly: true });
    const count = db.prepare('SELECT count(*) AS n FROM shares').get() as { n: number };
    db.close();
    expect(count.n).toBe(0);
    await context.close();
  });
});

test.describe('short links on PostgreSQL', () => {
  const databaseUrl = process.env.RUMINATE_TEST_DATABASE_URL?.trim();
  const isCi = process.env.CI === 'true' || process.env.CI === '1';
  test.skip(
    !databaseUrl && !isCi,
    'RUMINATE_TEST_DATABASE_URL is not set: run `scripts/with-postgres.sh npm test` to include PostgreSQL',
  );

  test('a short link stored in PostgreSQL opens in a fresh browser', async ({ browser }) => {
    expect(
      databaseUrl,
      'CI must run this test against PostgreSQL (scripts/with-postgres.sh)',
    ).toBeTruthy();
    const server = await startShareServer({ RUMINATE_DATABASE_URL: databaseUrl ?? '' });
    try {
      const page = await chatOn(browser, server);
      const url = await makeShortLink(page);
      await expectTranscript(await openFresh(browser, url));
    } finally {
      await server.close();
    }
  });
});
