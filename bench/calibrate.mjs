/**
 * The frame clock a run will see: 2 s of `requestAnimationFrame` on an idle page, and how busy that
 * idle page keeps the main thread. Taken once, before any run and without CPU throttling.
 */

import { cdpMetrics } from './page-api.mjs';
import { runPageProbe } from './page-probe.mjs';
import { rafIntervals } from './probe-frames.mjs';
import { median, percentile, round } from './stats.mjs';

/**
 * @typedef {object} Calibration
 * @property {number} medianFrameMs Median rAF interval on an idle page.
 * @property {number} p95FrameMs
 * @property {number} frames
 * @property {number} idleBusy Main-thread busy fraction of that idle page with the recorder's rAF
 *   loop running (CDP ΔTaskDuration / ΔTimestamp): the floor under every run's `busy`.
 * @property {boolean} ok Whether the median is within 16.0–17.4 ms (60 Hz).
 */

/**
 * Records rAF intervals for `ms` on `about:blank` with the recorder installed.
 * @param {import('@playwright/test').Page} page A fresh page.
 * @param {number} [ms]
 * @returns {Promise<Calibration>}
 */
export async function calibrate(page, ms = 2000) {
  await page.goto('about:blank');
  await runPageProbe(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await cdpMetrics(cdp);
  const intervals = /** @type {number[]} */ (await page.evaluate(rafIntervals, ms));
  const after = await cdpMetrics(cdp);
  await cdp.detach();
  const medianFrameMs = median(intervals);
  return {
    medianFrameMs: round(medianFrameMs),
    p95FrameMs: round(percentile(intervals, 95)),
    frames: intervals.length,
    idleBusy: round(
      (after.TaskDuration - before.TaskDuration) / (after.Timestamp - before.Timestamp),
      4,
    ),
    ok: medianFrameMs >= 16 && medianFrameMs <= 17.4,
  };
}
