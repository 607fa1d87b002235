// Takes the documentation screenshots: the chat with a finished Demo reply, its Thinking panel
// open, the conversation list and the Share dialog, on a desktop (1280×800) and a phone (390×844),
// in light and dark. Serves the built app itself (run `npx vite build` first) with the Demo
// provider only, and writes `docs/screenshots/<device>-<scheme>-<view>.png`.
//
//   node scripts/screenshots.mjs [--only desktop-light]
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.mjs';
import { startServer } from '../server/start.mjs';

const OUT_DIR = 'docs/screenshots';
const QUESTION = 'Is 1,000,003 a prime number?';
/** The suggested question whose reply has a titled step-by-step trace. */
const OUTLINE_QUESTION = 'Write a function that merges two sorted lists.';

const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

/**
 * Shoots every view of one device in one colour scheme.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {keyof typeof DEVICES} device
 * @param {'light' | 'dark'} scheme
 */
async function shoot(browser, url, device, scheme) {
  const context = await browser.newContext({
    ...DEVICES[device],
    colorScheme: scheme,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  /** @param {string} view */
  const path = (view) => `${OUT_DIR}/${device}-${scheme}-${view}.png`;
  const isPhone = device === 'phone';

  await page.goto(url);
  await page.getByRole('button', { name: QUESTION }).click();
  const reply = page.getByTestId('assistant-message').last();
  await reply.and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
  // The question at the top, then the folded panel and the answer.
  await page
    .getByTestId('user-message')
    .last()
    .evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(300);
  await page.screenshot({ path: path('chat') });

  await reply.getByTestId('reasoning-toggle').click();
  await reply.getByTestId('reasoning').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path('panel') });
  await reply.getByTestId('reasoning-toggle').click();

  if (isPhone) {
    await page.getByRole('button', { name: 'History' }).click();
  } else {
    await page
      .getByRole('button', { name: /^Actions for/ })
      .first()
      .click();
  }
  await page.waitForTimeout(200);
  await page.screenshot({ path: path('sidebar') });
  await page.keyboard.press('Escape');
  if (isPhone) await page.getByRole('button', { name: QUESTION }).first().click();

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('dialog').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path('share') });
  await page.keyboard.press('Escape');

  // A titled trace: the open panel with its outline of steps.
  if (isPhone) await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('button', { name: OUTLINE_QUESTION }).click();
  const traced = page.getByTestId('assistant-message').last();
  await traced.and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
  await traced.getByTestId('reasoning-toggle').click();
  await traced.getByTestId('reasoning').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path('outline') });
  await context.close();
}

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : '';
mkdirSync(OUT_DIR, { recursive: true });
const server = await startServer({
  port: 0,
  env: {
    RUMINATE_DEMO_SPEED: '20',
    RUMINATE_BASE_URL: '',
    RUMINATE_API_KEY: '',
    OPENAI_BASE_URL: '',
    OPENAI_API_KEY: '',
    DEEPSEEK_API_KEY: '',
  },
  log: () => undefined,
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const device of /** @type {const} */ (['desktop', 'phone'])) {
    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      if (only !== '' && only !== `${device}-${scheme}`) continue;
      await shoot(browser, server.url, device, scheme);
      console.log(`${device} ${scheme}: chat, panel, sidebar, share, outline`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
