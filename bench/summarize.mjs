/**
 * The summary of a cell's runs: median and p95 over runs of every numeric metric.
 */

import { median, percentile, round } from './stats.mjs';

/** @typedef {import('./run-metrics.mjs').RunMetrics} RunMetrics */

/**
 * The numeric metrics of {@link RunMetrics}, in the order reports show them.
 * @type {(keyof RunMetrics)[]}
 */
export const NUMERIC_METRICS = [
  'usPerToken',
  'busy',
  'byteToPaintP95Ms',
  'byteToPaintP50Ms',
  'byteToPaintServerP95Ms',
  'lastByteToFinalPaintMs',
  'loafCount',
  'loafMaxMs',
  'frameWorkFirstMs',
  'frameWorkLastMs',
  'frameWorkRatio',
  'frameWorkP95Ms',
  'rafMaxGapMs',
  'rafP95Ms',
  'fps',
  'commitsPerSec',
  'firstPaintMs',
  'keyToPaintP95Ms',
  'keyToPaintMaxMs',
  'eventTimingMaxMs',
  'heapMB',
  'nodes',
  'taskMs',
  'scriptMs',
  'layoutMs',
  'styleMs',
  'harnessMs',
  'wallMs',
  'streamMs',
  'tokensSent',
  'tokensReceived',
  'probesTimed',
  'probesMissing',
  'renderedReasoningChars',
  'renderedAnswerChars',
  'serverMaxLateMs',
];

/**
 * Median and p95 (nearest rank) of each numeric metric over runs.
 * @param {readonly RunMetrics[]} runs
 * @returns {Record<string, { median: number, p95: number }>}
 */
export function summarize(runs) {
  /** @type {Record<string, { median: number, p95: number }>} */
  const out = {};
  for (const key of NUMERIC_METRICS) {
    const values = runs.map((run) => /** @type {number} */ (run[key]));
    out[key] = { median: round(median(values), 4), p95: round(percentile(values, 95), 4) };
  }
  return out;
}
