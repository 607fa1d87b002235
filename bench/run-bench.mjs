/**
 * `npm run bench`: the streaming-render benchmark (see `bench/README.md`).
 *
 * Builds the app (into `bench/dist/app/`, so a concurrent e2e run's `dist/` is left alone) and the
 * reference page (into `bench/dist/reference/`), serves both, starts the synthetic SSE server,
 * calibrates the frame clock, then measures each workload row × panel mode × variant
 * (`run-matrix.mjs`). Writes `reports/bench/results.json` and `reports/bench/results.md`, prints
 * the tables and the targets (`targets.mjs`), and exits 1 when one is missed (2 when the harness
 * itself failed).
 *
 * Options:
 *   --runs N              measured runs per cell (default 3; see the README for why not 5)
 *   --workloads W1,W3     subset of W1–W6 (W6, a 100,000-token trace, only when named)
 *   --modes open,folded   panel modes (default both)
 *   --variants app,react-markdown,streamdown,floor
 *                         floor: the same stream pipeline and page rendering only the text's
 *                         length, the cost no renderer can go below on this machine
 *   --throttle N          CPU slowdown of every page (CDP Emulation.setCPUThrottlingRate), after
 *                         calibration; default 1
 *   --throttle-row        add a W3 row at 4× (part of the default run without --workloads)
 *   --quick               W1 and W3, 1 run, no warm-up, panel open
 *   --no-build            reuse bench/dist/app and bench/dist/reference
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from '../server/start.mjs';
import { calibrate } from './calibrate.mjs';
import { parseArgs } from './cli-options.mjs';
import { launchOptions, VIEWPORT } from './launch.mjs';
import { initialJsSize, machine } from './machine.mjs';
import { fmt, floorComparisons, floorTable, markdownTable, targetTable } from './report.mjs';
import { runMatrix } from './run-matrix.mjs';
import { buildStreamPlan } from './stream-plan.mjs';
import { startSynthServer } from './synth-server.mjs';
import { BUNDLE_BUDGET_KB, checkTargets } from './targets.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_DIST = path.join(REPO_ROOT, 'bench', 'dist', 'app');
const REFERENCE_DIST = path.join(REPO_ROOT, 'bench', 'dist', 'reference');
const REPORT_DIR = path.join(REPO_ROOT, 'reports', 'bench');
const VITE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');

/** @param {string} line */
const log = (line) => process.stdout.write(`${line}\n`);

/** Builds the app, and the reference page when a reference variant runs. @param {boolean} reference */
function build(reference) {
  log('Building the app (bench/dist/app) and the reference page (bench/dist/reference)…');
  const vite = (/** @type {string[]} */ args) =>
    execFileSync(VITE, ['build', ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
  vite(['--logLevel', 'warn', '--outDir', APP_DIST, '--emptyOutDir']);
  if (reference) vite(['--config', 'bench/vite.reference.config.ts', '--logLevel', 'error']);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
    return 0;
  }
  const host = machine();
  log(
    `Machine: ${host.nproc} CPUs, ${host.cpuModel}, load ${host.loadAverage.join(' ')}, Node ${host.node}`,
  );
  if (host.loadAverage[0] > host.nproc * 0.75) {
    log(`Warning: the machine is busy (1-min load ${host.loadAverage[0]}); numbers will be noisy.`);
  }
  const needsReference = options.variants.some((v) => v !== 'app');
  if (options.build) build(needsReference);
  const bundle = initialJsSize(APP_DIST);
  log(
    `Initial JS: ${bundle.gzipKB} KB gzip (budget ${BUNDLE_BUDGET_KB} KB): ${bundle.files.map((f) => `${f.file} ${Math.round(f.gzip / 1024)} KB`).join(', ')}`,
  );

  for (const row of options.rows) buildStreamPlan(row.workload.params);
  const quiet = () => undefined;
  const app = await startServer({ port: 0, env: {}, distDir: APP_DIST, log: quiet });
  const reference = needsReference
    ? await startServer({ port: 0, env: {}, distDir: REFERENCE_DIST, log: quiet })
    : undefined;
  const synth = await startSynthServer({ port: 0 });
  const launch = launchOptions();
  const browser = await chromium.launch(launch);
  const chromiumVersion = browser.version();
  log(
    `Chromium ${chromiumVersion} (${launch.executablePath ?? 'Playwright default'}), headless, ${launch.args?.join(' ')}`,
  );

  const started = Date.now();
  /** @type {import('./targets.mjs').Cell[]} */
  let cells;
  /** @type {import('./calibrate.mjs').Calibration} */
  let calibration;
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    calibration = await calibrate(await context.newPage());
    await context.close();
    log(
      `Calibration: median rAF interval ${calibration.medianFrameMs} ms, p95 ${calibration.p95FrameMs} ms over ${calibration.frames} frames; idle page busy ${fmt(calibration.idleBusy * 100)}%`,
    );
    if (!calibration.ok) {
      log('Warning: the frame clock is not ~16.7 ms; frame-based metrics are not comparable.');
    }
    const servers = { appUrl: app.url, referenceUrl: reference?.url };
    cells = await runMatrix({ options, browser, servers, synthUrl: synth.url, log });
  } finally {
    await browser.close();
    await synth.close();
    await app.close();
    await reference?.close();
  }

  const targets = checkTargets(cells, bundle);
  const comparisons = floorComparisons(cells);
  const endMachine = {
    ...host,
    loadAverageEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
  const minutes = Math.round((Date.now() - started) / 6000) / 10;
  const rows = options.rows.map((r) => ({ row: r.label, throttle: r.throttle, ...r.workload }));
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(
    path.join(REPORT_DIR, 'results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: endMachine,
        chromium: chromiumVersion,
        launchArgs: launch.args,
        calibration,
        bundle,
        options: { ...options, rows: rows.map((r) => r.row) },
        rows,
        minutes,
        cells,
        aboveFloor: comparisons,
        targets,
      },
      null,
      2,
    ),
  );

  const throttled = options.rows.some((r) => r.throttle !== 1)
    ? ' Rows marked N× ran with the CPU slowed N times (CDP), calibration unthrottled.'
    : '';
  const report = [
    '# Streaming render benchmark',
    '',
    `${new Date().toISOString()} · ${endMachine.nproc} CPUs (${endMachine.cpuModel}) · load ${endMachine.loadAverage.join(' ')} → ${endMachine.loadAverageEnd.join(' ')} · Chromium ${chromiumVersion} headless · calibration ${calibration.medianFrameMs} ms/frame, idle busy ${fmt(calibration.idleBusy * 100)}% · ${minutes} min`,
    '',
    `Workloads: ${[...new Set(options.rows.map((r) => `${r.workload.id} ${r.workload.label}`))].join('; ')}. ${options.runs} run(s) per cell after ${options.warmups} warm-up; values are medians, p95 over runs in parentheses.${throttled}`,
    '',
    markdownTable(cells),
    '',
    'Above the floor (µs/token; a ratio below 1 means the app costs less than that reference):',
    '',
    floorTable(comparisons),
    '',
    `Initial JS: ${bundle.gzipKB} KB gzip (${bundle.files.map((f) => f.file).join(', ')}).`,
    '',
    targetTable(targets),
    '',
  ].join('\n');
  writeFileSync(path.join(REPORT_DIR, 'results.md'), report);
  log('');
  log(report);
  log(`Written: ${path.relative(REPO_ROOT, path.join(REPORT_DIR, 'results.json'))}, results.md`);

  for (const cell of cells.filter((c) => c.errors.length > 0 || c.runs.some((r) => !r.complete))) {
    log(
      `Incomplete: ${cell.row} ${cell.mode} ${cell.variant}: ${cell.errors.join('; ') || 'stream incomplete'}`,
    );
  }
  const missed = targets.filter((t) => t.result === 'missed');
  const unchecked = targets.filter((t) => t.result === 'not checked');
  if (unchecked.length > 0) {
    log(
      `Not checked (reference not run): ${unchecked.map((t) => `${t.scope}: ${t.target}`).join('; ')}`,
    );
  }
  if (missed.length > 0) {
    log(
      `Missed targets: ${missed.map((t) => `${t.scope}: ${t.target} (${fmt(t.value, 2)})`).join('; ')}`,
    );
    return 1;
  }
  log('All checked targets met.');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
