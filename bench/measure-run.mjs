/**
 * One measured streaming run (see {@link measureRun}): a fresh page with the provider settings
 * pointing at the synthetic server, the in-page recorder (`page-probe.mjs`), CDP
 * `Performance.getMetrics` before and after the stream, a 20-key typing probe in the composer
 * mid-stream, then the metrics of `run-metrics.mjs` computed from the recordings. `run-bench.mjs`
 * is the command line around it; `e2e/bench.spec.ts` runs a tiny workload through it.
 */

/* global document -- waitForFunction's callback runs in the page */

import { VIEWPORT } from './launch.mjs';
import { callPage, cdpMetrics, throttleCpu } from './page-api.mjs';
import { addPageProbe } from './page-probe.mjs';
import { computeMetrics } from './run-metrics.mjs';
import { seedAppHistory } from './seed-history.mjs';
import { buildStreamPlan } from './stream-plan.mjs';
import { modelName } from './workload-model.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('./workload-model.mjs').WorkloadParams} WorkloadParams */
/** @typedef {import('./synth-server.mjs').StreamRecord} StreamRecord */
/** @typedef {import('./page-probe.mjs').PageRecording} PageRecording */
/** @typedef {import('./run-metrics.mjs').RunMetrics} RunMetrics */

/** Keys the app keeps its settings under (src/features/settings/settings-store.ts). */
export const SETTINGS_KEY = 'ruminate.provider.v1';
export const PREFERENCES_KEY = 'ruminate.preferences.v1';

/**
 * @typedef {object} RunOptions
 * @property {string} url The page to open: the app (`http://…/`) or the reference page
 *   (`http://…/?renderer=react-markdown`). With `history` the app is opened at `?c=<id>`.
 * @property {'app' | 'reference'} kind How history is given: the app's JSON import for the app, a
 *   `history=<turns>` query parameter for the reference page.
 * @property {string} synthUrl The synthetic server, e.g. `http://127.0.0.1:4190`.
 * @property {WorkloadParams} params
 * @property {'open' | 'folded'} panel The reasoning panel preference.
 * @property {number} [history] Earlier turns to show first (W5), 0 by default.
 * @property {number} [keystrokes] Characters typed in the composer mid-stream; 20 by default.
 * @property {number} [keyDelayMs] Between keystrokes; 50 by default.
 * @property {number} [typeAt] When to start typing, as a fraction of the expected stream time;
 *   0.3 by default (150 ms after sending for an unpaced stream).
 * @property {number} [settleMs] Quiet time recorded after the status turns terminal; 400 by default.
 * @property {number} [timeoutMs] For the whole stream; by default 60 s plus 5× the paced time.
 * @property {() => Promise<void>} [onBeforeSend] Awaited just before the message is sent (to start
 *   a profiler; see `profile.mjs`).
 * @property {() => Promise<void>} [onDone] Awaited as soon as the reply has ended.
 * @property {'composer' | 'reasoning-search'} [typeInto] Where the keystrokes go: the composer
 *   (default), or the app's "Search reasoning" box (the composer when the page has none).
 * @property {number} [cpuThrottle] CPU slowdown for the whole run (CDP
 *   `Emulation.setCPUThrottlingRate`): 1 (none) by default, 4 for a mid-range phone.
 */

/**
 * Measures one streamed reply in a fresh page. Resolves with the metrics; rejects when the page
 * never shows the composer, or the stream does not end within the timeout.
 * @param {Page} page A fresh page (new context) nobody else drives.
 * @param {RunOptions} options
 * @returns {Promise<RunMetrics>}
 */
export async function measureRun(page, options) {
  const { params, panel } = options;
  const history = options.history ?? 0;
  const keystrokes = options.keystrokes ?? 20;
  const keyDelayMs = options.keyDelayMs ?? 50;
  const settleMs = options.settleMs ?? 400;
  const plan = buildStreamPlan(params);
  const tokens = params.r + params.a;
  const pacedMs = params.rate > 0 ? (tokens / params.rate) * 1000 : 0;
  const timeoutMs = options.timeoutMs ?? 60_000 + 5 * pacedMs;
  const baseUrl = `${options.synthUrl}/v1`;

  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(
    ([settingsKey, settings, preferencesKey, preferences]) => {
      localStorage.setItem(settingsKey, settings);
      localStorage.setItem(preferencesKey, preferences);
    },
    [
      SETTINGS_KEY,
      JSON.stringify({
        presetId: 'custom',
        providerName: 'Bench',
        baseUrl,
        apiKey: 'sk-bench',
        model: modelName(params),
        apiStyle: 'chat-completions',
        family: 'generic',
        options: {},
      }),
      PREFERENCES_KEY,
      JSON.stringify({ reasoningPanel: panel }),
    ],
  );
  await addPageProbe(page);
  const cdp = await page.context().newCDPSession(page);
  await throttleCpu(cdp, options.cpuThrottle ?? 1);

  const composer = page.getByRole('textbox', { name: 'Message' });
  let url = options.url;
  if (history > 0 && options.kind === 'reference') {
    const withHistory = new URL(url);
    withHistory.searchParams.set('history', String(history));
    withHistory.searchParams.set('seed', String(params.seed));
    url = withHistory.href;
  }
  await page.goto(url);
  await composer.waitFor({ timeout: 30_000 });
  if (history > 0 && options.kind === 'app') {
    const id = await seedAppHistory(page, history, params.seed);
    const withConversation = new URL(url);
    withConversation.searchParams.set('c', id);
    await page.goto(withConversation.href);
    await composer.waitFor({ timeout: 30_000 });
  }
  if (history > 0) {
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="assistant-message"]').length >= count,
      history,
      { timeout: 60_000 },
    );
  }
  await composer.fill('Benchmark: explain the merge step.');
  // Let loading, fonts and the first renders finish before the window opens.
  await page.waitForTimeout(history > 0 ? 1500 : 600);

  await cdp.send('Performance.enable');
  const before = await cdpMetrics(cdp);
  await callPage(page, 'arm', {
    reasoningProbes: plan.reasoningProbes.length,
    answerProbes: plan.answerProbes.length,
  });
  await options.onBeforeSend?.();
  await composer.press('Enter');

  /** @type {RunMetrics['typedInto']} */
  let typedInto = 'nothing';
  const typing = (async () => {
    if (keystrokes <= 0) return;
    await page.waitForTimeout(pacedMs > 0 ? pacedMs * (options.typeAt ?? 0.3) : 150);
    const search = page.getByRole('searchbox', { name: 'Search reasoning' });
    const inSearch = options.typeInto === 'reasoning-search' && (await search.count()) > 0;
    typedInto = inSearch ? 'reasoning-search' : 'composer';
    const target = inSearch ? search : composer;
    await target.focus();
    await page.keyboard.type(
      'typing while it streams: '.padEnd(keystrokes, '.').slice(0, keystrokes),
      {
        delay: keyDelayMs,
      },
    );
  })();
  const status = /** @type {string} */ (await callPage(page, 'whenDone', timeoutMs));
  // The work window closes as soon as the reply has ended (typing may still go on after a short
  // stream; the recorder's own time is read at the same moment).
  const after = await cdpMetrics(cdp);
  const harnessMs = /** @type {number} */ (await callPage(page, 'harnessMs'));
  await options.onDone?.();
  await typing;
  await page.waitForTimeout(settleMs);
  const recording = /** @type {PageRecording} */ (await callPage(page, 'collect'));
  recording.harnessMs = harnessMs;
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const end = await cdpMetrics(cdp);
  await cdp.detach();
  const response = await fetch(`${options.synthUrl}/__last`);
  const server = /** @type {StreamRecord} */ (await response.json());
  if (status === 'timeout') {
    throw new Error(`The reply did not finish within ${timeoutMs} ms (${options.url}).`);
  }
  return { ...computeMetrics({ plan, recording, before, after, end, server, panel }), typedInto };
}
