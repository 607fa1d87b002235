/**
 * `node bench/profile.mjs`: where the main thread's time goes during one benchmark run.
 *
 * Runs one workload once (same page setup and stream as `npm run bench`, but an unminified build
 * in `bench/dist/profile-*` so function names are readable) with the V8 sampling profiler and a
 * Chromium trace on, then prints the main thread's time by trace event (script, style, layout,
 * paint, GC, …) and the JS functions with the most self and inclusive time. Writes the raw profile
 * to `reports/bench/profile-<workload>-<variant>.cpuprofile` and the trace to
 * `reports/bench/trace-<workload>-<variant>.json` (open either in the DevTools Performance panel).
 *
 * Options:
 *   --workload W3                  one of W1–W5 (default W3)
 *   --variant app                  app | react-markdown | streamdown
 *   --panel open                   open | folded
 *   --top 30                       how many functions to list
 *   --throttle 4                   slow the page's CPU down that many times (CDP)
 *   --no-build                     reuse bench/dist/profile-app and bench/dist/profile-reference
 *   --categories a,b               more trace categories, e.g.
 *                                  disabled-by-default-devtools.timeline.invalidationTracking
 *                                  (what invalidated style, layout and paint, by node)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from '../server/start.mjs';
import { launchOptions, VIEWPORT } from './launch.mjs';
import { measureRun } from './measure-run.mjs';
import { WORKLOADS } from './workloads.mjs';
import { startSynthServer } from './synth-server.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = {
    workload: 'W3',
    variant: 'app',
    panel: 'open',
    top: 30,
    throttle: 1,
    build: true,
    categories: /** @type {string[]} */ ([]),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--workload') options.workload = argv[++i];
    else if (arg === '--variant') options.variant = argv[++i];
    else if (arg === '--panel') options.panel = argv[++i];
    else if (arg === '--top') options.top = Number(argv[++i]);
    else if (arg === '--throttle') options.throttle = Number(argv[++i]);
    else if (arg === '--categories') options.categories = argv[++i].split(',');
    else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

/**
 * A V8 CPU profile (CDP `Profiler.Profile`), the fields used here.
 * @typedef {{ nodes: { id: number, children?: number[], callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number } }[], samples?: number[], timeDeltas?: number[] }} CpuProfile
 */
/** @typedef {{ name: string, ph: string, ts?: number, dur?: number, tid: number, pid: number, args?: { name?: string } }} TraceEvent */

/**
 * Self time per function of a V8 CPU profile, in ms.
 * @param {CpuProfile} profile
 */
function selfTimes(profile) {
  /** @type {Map<number, string>} */
  const labelOf = new Map();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url === '' ? '' : ` ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    labelOf.set(node.id, `${functionName || '(anonymous)'}${file}`);
  }
  /** @type {Map<string, number>} */
  const totals = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const label = labelOf.get(samples[i]) ?? '?';
    const ms = (deltas[i + 1] ?? 0) / 1000;
    totals.set(label, (totals.get(label) ?? 0) + ms);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Inclusive time per function of a V8 CPU profile, in ms: each sample counts once for every
 * distinct function on its stack.
 * @param {CpuProfile} profile
 */
function inclusiveTimes(profile) {
  /** @type {Map<number, number>} */
  const parentOf = new Map();
  /** @type {Map<number, string>} */
  const labelOf = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url === '' ? '' : ` ${url.split('/').pop()}:${lineNumber + 1}`;
    labelOf.set(node.id, `${functionName || '(anonymous)'}${file}`);
  }
  /** @type {Map<string, number>} */
  const totals = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    /** @type {number | undefined} */
    let id = samples[i];
    for (; id !== undefined; id = parentOf.get(id)) {
      const label = labelOf.get(id) ?? '?';
      if (seen.has(label)) continue;
      seen.add(label);
      totals.set(label, (totals.get(label) ?? 0) + ms);
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const workload = WORKLOADS.find((w) => w.id === options.workload);
  if (workload === undefined) throw new Error(`Unknown workload ${options.workload}`);
  const isApp = options.variant === 'app';
  const distDir = path.join(
    REPO_ROOT,
    'bench',
    'dist',
    isApp ? 'profile-app' : 'profile-reference',
  );
  if (options.build) {
    const args = [
      'build',
      '--minify',
      'false',
      '--logLevel',
      'error',
      '--outDir',
      distDir,
      '--emptyOutDir',
    ];
    if (!isApp) args.push('--config', 'bench/vite.reference.config.ts');
    execFileSync(VITE, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const server = await startServer({ port: 0, env: {}, distDir, log: () => undefined });
  const synth = await startSynthServer({ port: 0 });
  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    /** @type {TraceEvent[]} */
    const traceEvents = [];
    cdp.on('Tracing.dataCollected', (event) =>
      traceEvents.push(.../** @type {TraceEvent[]} */ (/** @type {unknown} */ (event.value))),
    );
    const traceDone = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    let started = false;
    const metrics = await measureRun(page, {
      url: isApp ? `${server.url}/` : `${server.url}/?renderer=${options.variant}`,
      kind: isApp ? 'app' : 'reference',
      synthUrl: synth.url,
      params: workload.params,
      panel: options.panel === 'folded' ? 'folded' : 'open',
      history: workload.history,
      cpuThrottle: options.throttle,
      onBeforeSend: async () => {
        started = true;
        await cdp.send('Tracing.start', {
          traceConfig: {
            includedCategories: [
              'devtools.timeline',
              'v8',
              'blink.console',
              'toplevel',
              ...options.categories,
            ],
          },
          transferMode: 'ReportEvents',
        });
        await cdp.send('Profiler.start');
      },
      onDone: async () => {
        if (!started) return;
        const { profile } = await cdp.send('Profiler.stop');
        await cdp.send('Tracing.end');
        const file = path.join(
          REPO_ROOT,
          'reports',
          'bench',
          `profile-${workload.id}-${options.variant}.cpuprofile`,
        );
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(profile));
        console.log(`Profile: ${path.relative(REPO_ROOT, file)}`);
        const rows = selfTimes(profile);
        const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
        console.log(`\nJS self time (sampled, ${total.toFixed(0)} ms incl. idle/program):`);
        for (const [label, ms] of rows.slice(0, options.top)) {
          console.log(`${ms.toFixed(1).padStart(9)} ms  ${label}`);
        }
        console.log('\nJS inclusive time (sampled):');
        for (const [label, ms] of inclusiveTimes(profile).slice(0, options.top * 2)) {
          console.log(`${ms.toFixed(1).padStart(9)} ms  ${label}`);
        }
      },
    });
    await traceDone;
    const traceFile = path.join(
      REPO_ROOT,
      'reports',
      'bench',
      `trace-${workload.id}-${options.variant}.json`,
    );
    writeFileSync(traceFile, JSON.stringify({ traceEvents }));
    console.log(`Trace: ${path.relative(REPO_ROOT, traceFile)}`);
    // The renderer main thread: the thread named CrRendererMain in the page's process.
    const mainThreads = new Set(
      traceEvents
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    /** @type {Map<string, { ms: number, count: number }>} */
    const byName = new Map();
    for (const e of traceEvents) {
      if (e.ph !== 'X' || e.dur === undefined || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
      const entry = byName.get(e.name) ?? { ms: 0, count: 0 };
      entry.ms += e.dur / 1000;
      entry.count += 1;
      byName.set(e.name, entry);
    }
    // Top-level tasks, by what they spent their time in: the longest event directly inside.
    const mainEvents = traceEvents
      .filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`))
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
    /** @type {Map<string, { ms: number, count: number }>} */
    const byTask = new Map();
    let taskEnd = -1;
    /** @type {{ name: string, dur: number, ts: number } | undefined} */
    let task;
    /** @type {Map<string, number>} */
    let inside = new Map();
    const closeTask = () => {
      if (task === undefined) return;
      const top = [...inside.entries()].sort((a, b) => b[1] - a[1])[0];
      const key = top === undefined ? `${task.name} (nothing traced inside)` : top[0];
      const entry = byTask.get(key) ?? { ms: 0, count: 0 };
      entry.ms += task.dur / 1000;
      entry.count += 1;
      byTask.set(key, entry);
    };
    for (const e of mainEvents) {
      const ts = e.ts ?? 0;
      const dur = e.dur ?? 0;
      if (ts >= taskEnd) {
        closeTask();
        task = { name: e.name, dur, ts };
        taskEnd = ts + dur;
        inside = new Map();
      } else if (e.name !== 'v8.callFunction') {
        inside.set(e.name, Math.max(inside.get(e.name) ?? 0, 0) + dur / 1000);
      }
    }
    closeTask();
    console.log('\nTop-level main-thread tasks by their largest inner event (ms, count):');
    for (const [name, { ms, count }] of [...byTask.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 15)) {
      console.log(`${ms.toFixed(1).padStart(9)} ms ${String(count).padStart(7)}×  ${name}`);
    }

    console.log('\nMain-thread trace events (inclusive ms, nested events overlap):');
    for (const [name, { ms, count }] of [...byName.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 25)) {
      console.log(`${ms.toFixed(1).padStart(9)} ms ${String(count).padStart(7)}×  ${name}`);
    }
    console.log(
      `\nRun: ${metrics.usPerToken} µs/token, busy ${(metrics.busy * 100).toFixed(1)}%, task ${metrics.taskMs} ms (script ${metrics.scriptMs}, layout ${metrics.layoutMs}, style ${metrics.styleMs}, harness ${metrics.harnessMs}), wall ${metrics.wallMs} ms, frames ${metrics.frames}, LoAF ${metrics.loafCount}, frame work first/last ${metrics.frameWorkFirstMs}/${metrics.frameWorkLastMs} ms`,
    );
    await context.close();
  } finally {
    await browser.close();
    await synth.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
