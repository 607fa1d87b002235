/**
 * `node bench/stages.mjs`: the main thread's time by rendering stage (script, style, layout,
 * pre-paint, paint, layerize, GC, the rest), for the app and the references side by side.
 *
 * Each run is one benchmark run (`measureRun`, same page setup and stream as `npm run bench`)
 * with a Chromium trace on and no JS profiler, so script time is not inflated the way
 * `profile.mjs`'s sampled profile inflates it; variants are interleaved and each figure is the
 * median over runs. Time is *self* time: an event's duration less the events directly inside it,
 * so the stages add up to the traced main-thread time. Uses the builds of `npm run bench`
 * (`bench/dist/app`, `bench/dist/reference`); `--build` makes them first.
 *
 * Options:
 *   --workload W1                  one of W1–W6 (default W1)
 *   --variants app,streamdown      any of app, react-markdown, streamdown, floor
 *   --runs 3                       runs per variant (default 3)
 *   --throttle 4                   CPU slowdown of the page (CDP), default 1
 *   --build                        build the app and the reference page first
 */

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from '../server/start.mjs';
import { launchOptions, VIEWPORT } from './launch.mjs';
import { measureRun } from './measure-run.mjs';
import { median } from './stats.mjs';
import { variantUrl } from './variants.mjs';
import { WORKLOADS } from './workloads.mjs';
import { startSynthServer } from './synth-server.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');
const APP_DIST = path.join(REPO_ROOT, 'bench', 'dist', 'app');
const REFERENCE_DIST = path.join(REPO_ROOT, 'bench', 'dist', 'reference');

/** Trace event names and the stage their self time counts to; any other event counts as "rest". */
const STAGE_OF = new Map(
  /** @type {[string, string][]} */ ([
    ...[
      'FunctionCall',
      'EvaluateScript',
      'v8.callFunction',
      'v8.evaluateModule',
      'v8.compile',
      'v8.compileModule',
      'FireAnimationFrame',
      'TimerFire',
      'EventDispatch',
      'RunMicrotasks',
      'BlinkScheduler_PerformMicrotaskCheckpoint',
      'IntersectionObserverController::computeIntersections',
    ].map((name) => [name, 'script']),
    ['UpdateLayoutTree', 'style'],
    ['ParseAuthorStyleSheet', 'style'],
    ['Layout', 'layout'],
    ['PrePaint', 'pre-paint'],
    ['Paint', 'paint'],
    ['Layerize', 'layerize'],
    ...['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GC_MARK_COMPACTOR'].map((name) => [name, 'gc']),
  ]),
);
const STAGES = ['script', 'style', 'layout', 'pre-paint', 'paint', 'layerize', 'gc', 'rest'];

/** @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number, args?: { name?: string, beginData?: { totalObjects?: number } } }} TraceEvent */

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { workload: 'W1', variants: ['app', 'streamdown'], runs: 3, throttle: 1 };
  let build = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--build') build = true;
    else if (arg === '--workload') options.workload = argv[++i];
    else if (arg === '--variants') options.variants = argv[++i].split(',');
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--throttle') options.throttle = Number(argv[++i]);
    else throw new Error(`Unknown option ${arg}`);
  }
  return { ...options, build };
}

/**
 * Self time per stage (ms) on the page's main thread, the number of layouts and the median count
 * of layout objects one layout walked.
 * @param {TraceEvent[]} events
 */
function stageTimes(events) {
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  /** @type {Map<TraceEvent, number>} */
  const inner = new Map();
  /** @type {TraceEvent[]} */
  const open = [];
  /** The end of `event`, µs. @param {TraceEvent} event */
  const endOf = (event) => event.ts + (event.dur ?? 0);
  for (const event of complete) {
    while (open.length > 0 && endOf(/** @type {TraceEvent} */ (open.at(-1))) <= event.ts)
      open.pop();
    const parent = open.at(-1);
    if (parent !== undefined) {
      const end = Math.min(endOf(event), endOf(parent));
      inner.set(parent, (inner.get(parent) ?? 0) + end - event.ts);
    }
    open.push(event);
  }
  /** @type {Record<string, number>} */
  const ms = Object.fromEntries(STAGES.map((stage) => [stage, 0]));
  for (const event of complete) {
    const stage = STAGE_OF.get(event.name) ?? 'rest';
    ms[stage] += ((event.dur ?? 0) - (inner.get(event) ?? 0)) / 1000;
  }
  const layouts = complete.filter((e) => e.name === 'Layout');
  const objects = layouts.map((e) => e.args?.beginData?.totalObjects ?? 0);
  return { ms, layouts: layouts.length, layoutObjects: median(objects) };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const workload = WORKLOADS.find((w) => w.id === options.workload);
  if (workload === undefined) throw new Error(`Unknown workload ${options.workload}`);
  if (options.build) {
    const vite = (/** @type {string[]} */ args) =>
      execFileSync(VITE, ['build', '--logLevel', 'error', ...args], { cwd: REPO_ROOT });
    vite(['--outDir', APP_DIST, '--emptyOutDir']);
    vite(['--config', 'bench/vite.reference.config.ts']);
  }
  const quiet = () => undefined;
  const app = await startServer({ port: 0, env: {}, distDir: APP_DIST, log: quiet });
  const reference = await startServer({ port: 0, env: {}, distDir: REFERENCE_DIST, log: quiet });
  const synth = await startSynthServer({ port: 0 });
  const browser = await chromium.launch(launchOptions());
  /** @type {Map<string, ReturnType<typeof stageTimes> & { usPerToken: number }>[]} */
  const runs = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      const results = new Map();
      for (const variant of options.variants) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        /** @type {TraceEvent[]} */
        const events = [];
        cdp.on('Tracing.dataCollected', (e) => events.push(.../** @type {any} */ (e.value)));
        const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        const metrics = await measureRun(page, {
          url: variantUrl(/** @type {any} */ (variant), {
            appUrl: app.url,
            referenceUrl: reference.url,
          }),
          kind: variant === 'app' ? 'app' : 'reference',
          synthUrl: synth.url,
          params: workload.params,
          panel: 'open',
          history: workload.history,
          cpuThrottle: options.throttle,
          onBeforeSend: async () => {
            await cdp.send('Tracing.start', {
              traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'v8'] },
              transferMode: 'ReportEvents',
            });
          },
          onDone: async () => {
            await cdp.send('Tracing.end');
          },
        });
        await traced;
        await context.close();
        const times = stageTimes(events);
        results.set(variant, { ...times, usPerToken: metrics.usPerToken });
        const line = STAGES.map((s) => `${s} ${times.ms[s].toFixed(0)}`).join(', ');
        console.log(`${variant} run ${run + 1}: ${metrics.usPerToken} µs/token; ms: ${line}`);
      }
      runs.push(results);
    }
  } finally {
    await browser.close();
    await Promise.all([app.close(), reference.close(), synth.close()]);
  }
  const throttled = options.throttle > 1 ? ` at ${options.throttle}× CPU throttling` : '';
  console.log(
    `\n${workload.id}${throttled}, panel open: main-thread self time per run, ms (median of ${options.runs})\n`,
  );
  console.log(`| stage | ${options.variants.join(' | ')} |`);
  console.log(`|---|${options.variants.map(() => '---:').join('|')}|`);
  const cell = (/** @type {(r: any) => number} */ pick) =>
    options.variants.map((v) => median(runs.map((r) => pick(r.get(v)))).toFixed(0)).join(' | ');
  for (const stage of STAGES) console.log(`| ${stage} | ${cell((r) => r.ms[stage])} |`);
  console.log(`| µs/token | ${cell((r) => r.usPerToken)} |`);
  console.log(`| layouts | ${cell((r) => r.layouts)} |`);
  console.log(`| layout objects per layout | ${cell((r) => r.layoutObjects)} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
