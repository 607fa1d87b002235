/**
 * The harness's two ways into a page: the in-page recorder's `window.__bench` methods
 * (`page-probe.mjs`) and CDP's performance metrics.
 */

/* global window -- callPage's function runs in the page */

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('./page-probe.mjs').BenchPageApi} BenchPageApi */

/**
 * Calls a method of the in-page recorder (`page-probe.mjs`) with one serializable argument.
 * @param {Page} page
 * @param {keyof BenchPageApi} method
 * @param {unknown} [arg]
 * @returns {Promise<unknown>} What the method returned (awaited in the page).
 */
export function callPage(page, method, arg) {
  return page.evaluate(([name, value]) => {
    const api = /** @type {Window & { __bench: BenchPageApi }} */ (/** @type {unknown} */ (window))
      .__bench;
    const fn = /** @type {(x: unknown) => unknown} */ (api[name]);
    return fn(value);
  }, /** @type {const} */ ([method, arg]));
}

/**
 * CDP `Performance.getMetrics` as a name → value map (durations and `Timestamp` in seconds,
 * `JSHeapUsedSize` in bytes). `Performance.enable` must have been sent on the session.
 * @param {CDPSession} cdp
 * @returns {Promise<Record<string, number>>}
 */
export async function cdpMetrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Slows the page's CPU by `rate` (CDP `Emulation.setCPUThrottlingRate`; 1 = no throttling, 4 = a
 * mid-range phone). Lasts as long as the session.
 * @param {CDPSession} cdp
 * @param {number} rate
 */
export async function throttleCpu(cdp, rate) {
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
