/**
 * Gives the app earlier turns (W5) the way a person would: the turns as a Ruminate JSON export
 * (`synth-history.mjs`), chosen in the sidebar's "Import .json" file input. The app validates,
 * stores and opens the conversation itself, so the harness holds no copy of its storage schema.
 */

import { HISTORY_CONVERSATION_ID, historyExport } from './synth-history.mjs';

/**
 * Imports `turns` earlier question/answer turns as one conversation and returns its id. Rejects
 * with the app's own message when the import fails (a file the app no longer reads), and when the
 * app renamed the conversation (the history was not empty).
 * @param {import('@playwright/test').Page} page The app, loaded, with an empty history.
 * @param {number} turns
 * @param {number} seed
 * @returns {Promise<string>}
 */
export async function seedAppHistory(page, turns, seed) {
  const file = {
    name: 'bench-history.json',
    mimeType: 'application/json',
    buffer: Buffer.from(historyExport(turns, seed), 'utf8'),
  };
  await page.getByLabel('Import a Ruminate JSON export').setInputFiles(file);
  const note = page
    .getByRole('status')
    .filter({ hasText: /import/i })
    .first();
  await note.waitFor({ timeout: 30_000 });
  const text = (await note.textContent()) ?? '';
  if (!/^Imported 1 conversation\b/.test(text)) {
    throw new Error(`The app did not import the bench history: ${text}`);
  }
  await page.waitForURL((url) => url.searchParams.get('c') !== null, { timeout: 10_000 });
  const id = new URL(page.url()).searchParams.get('c');
  if (id !== HISTORY_CONVERSATION_ID) {
    throw new Error(`The app opened ${id} instead of ${HISTORY_CONVERSATION_ID}.`);
  }
  return id;
}
