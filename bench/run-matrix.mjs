/**
 * Runs the benchmark's matrix in one browser: for each workload row and panel mode, every variant
 * interleaved run by run (app, react-markdown, Streamdown, floor, app, …) after the warm-up runs,
 * so slow phases of a shared machine hit all of them. Each run gets a new browser context (fresh
 * storage) and page, CPU-throttled as its row says.
 */

import { measureRun } from './measure-run.mjs';
import { runLine } from './report.mjs';
import { summarize } from './summarize.mjs';
import { variantUrl } from './variants.mjs';
import { VIEWPORT } from './launch.mjs';

/** @typedef {import('./targets.mjs').Cell} Cell */

/**
 * @typedef {object} MatrixOptions
 * @property {import('./cli-options.mjs').BenchOptions} options
 * @property {import('@playwright/test').Browser} browser
 * @property {{ appUrl: string, referenceUrl?: string }} servers
 * @property {string} synthUrl
 * @property {(line: string) => void} log
 */

/**
 * Runs every cell; a failed run is logged and counted in its cell's `errors`, never thrown.
 * @param {MatrixOptions} matrix
 * @returns {Promise<Cell[]>} In row, mode, variant order, each with its summary.
 */
export async function runMatrix({ options, browser, servers, synthUrl, log }) {
  /** @type {Cell[]} */
  const cells = [];
  for (const { workload, throttle, label: row } of options.rows) {
    for (const mode of options.modes) {
      /** @type {Cell[]} */
      const group = options.variants.map((variant) => ({
        row,
        workload: workload.id,
        throttle,
        mode,
        variant,
        runs: [],
        errors: [],
      }));
      cells.push(...group);
      const total = options.warmups + options.runs;
      for (let i = 0; i < total; i++) {
        const isWarmup = i < options.warmups;
        for (const cell of group) {
          const context = await browser.newContext({ viewport: VIEWPORT });
          const page = await context.newPage();
          const label = `${row} ${mode} ${cell.variant} ${isWarmup ? 'warm-up' : `run ${i - options.warmups + 1}/${options.runs}`}`;
          const runStarted = Date.now();
          try {
            const metrics = await measureRun(page, {
              url: variantUrl(cell.variant, servers),
              kind: cell.variant === 'app' ? 'app' : 'reference',
              synthUrl,
              params: workload.params,
              panel: mode,
              history: workload.history,
              typeInto: workload.typeInto,
              cpuThrottle: throttle,
            });
            const seconds = Math.round((Date.now() - runStarted) / 1000);
            log(`${label}: ${runLine(metrics)} (${seconds} s)`);
            if (!isWarmup) cell.runs.push(metrics);
          } catch (error) {
            const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
            log(`${label}: FAILED ${message}`);
            if (!isWarmup) cell.errors.push(message);
          } finally {
            await context.close();
          }
        }
      }
      for (const cell of group) if (cell.runs.length > 0) cell.summary = summarize(cell.runs);
    }
  }
  return cells;
}
