/**
 * `npm run bench`: the streaming-render benchmark (see docs in `bench/README.md`).
 *
 * Builds the app (into `bench/dist/app/`, so a concurrent e2e run's `dist/` is left alone) and the
 * reference page (into `bench/dist/reference/`), serves both, starts the synthetic SSE server,
 * calibrates the frame clock, then measures each workload × panel mode × variant (the app,
 * react-markdown, Streamdown), interleaving the variants run by run, one warm-up first. Writes
 * `reports/bench/results.json` and `reports/bench/results.md`, prints the table, checks the W3
 * targets and exits 1 when one is missed (2 when the harness itself failed).
 *
 * Options:
 *   --runs N              measured runs per cell (default 3; see the README for why not 5)
 *   --workloads W1,W3     subset of W1–W6 (W6, a 100,000-token trace, only when named)
 *   --modes open,folded   panel modes (default both)
 *   --variants app,react-markdown,streamdown,floor
 *                         floor: the same stream pipeline and page rendering only the text's
 *                         length, the cost no renderer can go below on this machine
 *   --quick               W1 and W3, 1 run, no warm-up, panel open
 *   --no-build            reuse bench/dist/app and bench/dist/reference
 */

import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startServer } from '../server/start.mjs';
import { calibrate, launchOptions, measureRun, summarize, VIEWPORT } from './measure.mjs';
import { startSynthServer } from './synth-server.mjs';
import { buildStreamPlan } from './synth-text.mjs';

/** @typedef {import('./measure.mjs').RunMetrics} RunMetrics */
/** @typedef {import('./synth-text.mjs').WorkloadParams} WorkloadParams */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_DIST = path.join(REPO_ROOT, 'bench', 'dist', 'app');
const REFERENCE_DIST = path.join(REPO_ROOT, 'bench', 'dist', 'reference');
const REPORT_DIR = path.join(REPO_ROOT, 'reports', 'bench');
const VITE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');

/**
 * @typedef {object} Workload
 * @property {string} id
 * @property {string} label
 * @property {WorkloadParams} params
 * @property {number} history Earlier turns shown first.
 */

/** @type {Workload[]} */
export const WORKLOADS = [
  {
    id: 'W1',
    label: 'typical: 800 + 600 tokens at 80 tok/s',
    params: { r: 800, a: 600, rate: 80, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W2',
    label: 'fast: 3,000 + 2,000 at 1,000 tok/s',
    params: { r: 3000, a: 2000, rate: 1000, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W3',
    label: 'extreme: 25,000 + 4,000 at 3,000 tok/s',
    params: { r: 25000, a: 4000, rate: 3000, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W4',
    label: 'firehose: W3 unpaced',
    params: { r: 25000, a: 4000, rate: 0, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
  {
    id: 'W5',
    label: 'history: W2 after 50 earlier turns',
    params: { r: 3000, a: 2000, rate: 1000, tpe: 1, burst: 1, seed: 1 },
    history: 50,
  },
  {
    id: 'W6',
    label: 'long reasoning: 100,000 + 2,000 at 3,000 tok/s',
    params: { r: 100000, a: 2000, rate: 3000, tpe: 1, burst: 1, seed: 1 },
    history: 0,
  },
];

/** @typedef {'app' | 'react-markdown' | 'streamdown' | 'floor'} Variant */
/** @type {Variant[]} */
const ALL_VARIANTS = ['app', 'react-markdown', 'streamdown', 'floor'];

/**
 * @typedef {object} Target
 * @property {string} name
 * @property {string} metric
 * @property {(value: number) => boolean} pass
 * @property {string} limit
 */

/** The W3 targets (checked on the median over runs of the app's metric). */
const TARGETS = /** @type {Target[]} */ ([
  {
    name: 'no long animation frame ≥ 50 ms',
    metric: 'loafCount',
    limit: '0',
    pass: (v) => v === 0,
  },
  { name: 'main thread busy ≤ 25%', metric: 'busy', limit: '≤ 0.25', pass: (v) => v <= 0.25 },
  {
    name: 'p95 byte-to-paint ≤ 33 ms',
    metric: 'byteToPaintP95Ms',
    limit: '≤ 33 ms',
    pass: (v) => v <= 33,
  },
  {
    name: 'last byte → final paint ≤ 50 ms',
    metric: 'lastByteToFinalPaintMs',
    limit: '≤ 50 ms',
    pass: (v) => v <= 50,
  },
  {
    name: 'per-frame work, last 10% / first 10% ≤ 1.5×',
    metric: 'frameWorkRatio',
    limit: '≤ 1.5',
    pass: (v) => v <= 1.5,
  },
  {
    name: '≤ 50 µs main-thread time per token',
    metric: 'usPerToken',
    limit: '≤ 50 µs',
    pass: (v) => v <= 50,
  },
]);

/** The W6 targets: a 100,000-token trace stays light (median over runs of the app's metric). */
const LONG_TRACE_TARGETS = /** @type {Target[]} */ ([
  TARGETS[0],
  TARGETS[4],
  {
    name: 'DOM ≤ 10,000 nodes at the end',
    metric: 'nodes',
    limit: '≤ 10,000',
    pass: (v) => v <= 10_000,
  },
  { name: 'JS heap ≤ 64 MB at the end', metric: 'heapMB', limit: '≤ 64 MB', pass: (v) => v <= 64 },
]);

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Map<string, string | true>} */
  const flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=');
    if (inline !== undefined) flags.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags.set(name, argv[++i]);
    else flags.set(name, true);
  }
  const known = ['runs', 'workloads', 'modes', 'variants', 'quick', 'no-build', 'help'];
  for (const name of flags.keys()) {
    if (!known.includes(name)) throw new Error(`Unknown option --${name}`);
  }
  const quick = flags.has('quick');
  const list = (/** @type {string} */ name, /** @type {string} */ fallback) =>
    String(flags.get(name) ?? fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const workloadIds = list('workloads', quick ? 'W1,W3' : 'W1,W2,W3,W4,W5').map((s) =>
    s.toUpperCase(),
  );
  const workloads = workloadIds.map((id) => {
    const found = WORKLOADS.find((w) => w.id === id);
    if (!found) throw new Error(`Unknown workload ${id} (W1–W6).`);
    return found;
  });
  const modes = /** @type {('open' | 'folded')[]} */ (
    list('modes', quick ? 'open' : 'open,folded')
  );
  for (const mode of modes) {
    if (mode !== 'open' && mode !== 'folded') throw new Error(`Unknown mode ${mode}.`);
  }
  const variants = /** @type {Variant[]} */ (list('variants', ALL_VARIANTS.join(',')));
  for (const variant of variants) {
    if (!ALL_VARIANTS.includes(variant)) throw new Error(`Unknown variant ${variant}.`);
  }
  const runs = Number(flags.get('runs') ?? (quick ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer.');
  return {
    quick,
    workloads,
    modes,
    variants,
    runs,
    warmups: quick ? 0 : 1,
    build: !flags.has('no-build'),
    help: flags.has('help'),
  };
}

/** The machine, for the report. */
function machine() {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpuModel = match[1].trim();
  } catch {
    // Not Linux.
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/**
 * Gzip size of the JavaScript `index.html` loads eagerly: its module script(s) and modulepreload
 * links.
 * @param {string} distDir
 */
function initialJsSize(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  /** @type {Set<string>} */
  const files = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) files.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    files.add(match[1]);
  }
  for (const match of html.matchAll(/<link\b[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g)) {
    files.add(match[1]);
  }
  const entries = [...files].map((file) => {
    const bytes = readFileSync(path.join(distDir, file.replace(/^\.?\//, '')));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const gzip = entries.reduce((sum, e) => sum + e.gzip, 0);
  return { files: entries, gzipBytes: gzip, gzipKB: Math.round(gzip / 102.4) / 10, budgetKB: 150 };
}

/** @param {number} value @param {number} [digits] */
function fmt(value, digits = 1) {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en');
  return value.toFixed(digits);
}

/** Columns of the main table: metric, heading, digits, scale. */
const COLUMNS = /** @type {[keyof RunMetrics, string, number, number][]} */ ([
  ['usPerToken', 'µs/token', 1, 1],
  ['busy', 'busy %', 1, 100],
  ['byteToPaintP95Ms', 'byte→paint p95 ms', 1, 1],
  ['lastByteToFinalPaintMs', 'last byte→final paint ms', 1, 1],
  ['loafCount', 'LoAF ≥50ms', 0, 1],
  ['loafMaxMs', 'worst LoAF ms', 0, 1],
  ['frameWorkFirstMs', 'frame work first 10% ms', 2, 1],
  ['frameWorkLastMs', 'frame work last 10% ms', 2, 1],
  ['frameWorkRatio', 'last/first', 2, 1],
  ['rafMaxGapMs', 'max rAF gap ms', 0, 1],
  ['keyToPaintP95Ms', 'key→paint p95 ms', 1, 1],
  ['heapMB', 'heap MB', 1, 1],
  ['nodes', 'DOM nodes', 0, 1],
]);

/**
 * @typedef {object} Cell
 * @property {string} workload
 * @property {'open' | 'folded'} mode
 * @property {Variant} variant
 * @property {RunMetrics[]} runs
 * @property {string[]} errors
 * @property {Record<string, { median: number, p95: number }>} [summary]
 */

/**
 * @param {Cell[]} cells
 */
function markdownTable(cells) {
  const lines = [
    `| workload | panel | renderer | runs | ${COLUMNS.map((c) => c[1]).join(' | ')} |`,
    `|---|---|---|---|${COLUMNS.map(() => '---:').join('|')}|`,
  ];
  for (const cell of cells) {
    const s = cell.summary;
    const values = COLUMNS.map(([key, , digits, scale]) => {
      if (!s) return '–';
      const m = s[key].median * scale;
      const p = s[key].p95 * scale;
      return cell.runs.length > 1 ? `${fmt(m, digits)} (${fmt(p, digits)})` : fmt(m, digits);
    });
    lines.push(
      `| ${cell.workload} | ${cell.mode} | ${cell.variant} | ${cell.runs.length}${cell.errors.length > 0 ? ` (${cell.errors.length} failed)` : ''} | ${values.join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Ratios reference / app (how many times more the reference costs) per workload and mode.
 * @param {Cell[]} cells
 */
function ratios(cells) {
  /** @type {{ workload: string, mode: string, reference: string, usPerToken: number, busy: number, byteToPaintP95: number }[]} */
  const out = [];
  for (const app of cells.filter((c) => c.variant === 'app' && c.summary)) {
    for (const ref of cells.filter(
      (c) => c.variant !== 'app' && c.workload === app.workload && c.mode === app.mode && c.summary,
    )) {
      const a = /** @type {Record<string, { median: number }>} */ (app.summary);
      const r = /** @type {Record<string, { median: number }>} */ (ref.summary);
      const ratio = (/** @type {string} */ key) =>
        Math.round((r[key].median / a[key].median) * 100) / 100;
      out.push({
        workload: app.workload,
        mode: app.mode,
        reference: ref.variant,
        usPerToken: ratio('usPerToken'),
        busy: ratio('busy'),
        byteToPaintP95: ratio('byteToPaintP95Ms'),
      });
    }
  }
  return out;
}

/**
 * @param {Cell[]} cells
 * @param {ReturnType<typeof initialJsSize>} bundle
 */
function checkTargets(cells, bundle) {
  /** @type {{ target: string, scope: string, value: number, limit: string, pass: boolean }[]} */
  const results = [];
  for (const cell of cells.filter((c) => c.workload === 'W3' && c.variant === 'app')) {
    if (!cell.summary) {
      results.push({
        target: 'runs completed',
        scope: `W3 ${cell.mode}`,
        value: NaN,
        limit: '≥ 1',
        pass: false,
      });
      continue;
    }
    for (const target of TARGETS) {
      const value = cell.summary[target.metric].median;
      results.push({
        target: target.name,
        scope: `W3 ${cell.mode}`,
        value,
        limit: target.limit,
        pass: Number.isFinite(value) && target.pass(value),
      });
    }
    const refA = cells.find(
      (c) => c.workload === 'W3' && c.mode === cell.mode && c.variant === 'react-markdown',
    );
    const refB = cells.find(
      (c) => c.workload === 'W3' && c.mode === cell.mode && c.variant === 'streamdown',
    );
    const app = cell.summary.usPerToken.median;
    if (refA?.summary) {
      const ratio = refA.summary.usPerToken.median / app;
      results.push({
        target: '≥ 10× less main-thread time than react-markdown',
        scope: `W3 ${cell.mode}`,
        value: Math.round(ratio * 100) / 100,
        limit: '≥ 10×',
        pass: ratio >= 10,
      });
    }
    if (refB?.summary) {
      const ratio = refB.summary.usPerToken.median / app;
      results.push({
        target: 'less main-thread time than Streamdown',
        scope: `W3 ${cell.mode}`,
        value: Math.round(ratio * 100) / 100,
        limit: '> 1×',
        pass: ratio > 1,
      });
    }
  }
  for (const cell of cells.filter((c) => c.workload === 'W6' && c.variant === 'app')) {
    for (const target of LONG_TRACE_TARGETS) {
      const value = cell.summary?.[target.metric].median ?? NaN;
      results.push({
        target: target.name,
        scope: `W6 ${cell.mode}`,
        value,
        limit: target.limit,
        pass: Number.isFinite(value) && target.pass(value),
      });
    }
  }
  results.push({
    target: 'initial JS ≤ 150 KB gzip',
    scope: 'build',
    value: bundle.gzipKB,
    limit: '≤ 150 KB',
    pass: bundle.gzipKB <= 150,
  });
  return results;
}

/** @param {string} line */
const log = (line) => process.stdout.write(`${line}\n`);

/** @param {RunMetrics} m */
function runLine(m) {
  return [
    `${fmt(m.usPerToken)} µs/tok`,
    `busy ${fmt(m.busy * 100)}%`,
    `b→p p95 ${fmt(m.byteToPaintP95Ms)} ms`,
    `settle ${fmt(m.lastByteToFinalPaintMs)} ms`,
    `LoAF ${m.loafCount}${m.loafCount > 0 ? ` (max ${fmt(m.loafMaxMs, 0)} ms)` : ''}`,
    `work ${fmt(m.frameWorkFirstMs, 2)}→${fmt(m.frameWorkLastMs, 2)} ms`,
    `key p95 ${fmt(m.keyToPaintP95Ms)} ms`,
    `${m.status}${m.complete ? '' : ' INCOMPLETE'}`,
  ].join(', ');
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

  if (options.build) {
    log('Building the app (bench/dist/app) and the reference page (bench/dist/reference)…');
    execFileSync(VITE, ['build', '--logLevel', 'warn', '--outDir', APP_DIST, '--emptyOutDir'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    if (options.variants.some((v) => v !== 'app')) {
      execFileSync(
        VITE,
        ['build', '--config', 'bench/vite.reference.config.ts', '--logLevel', 'error'],
        { cwd: REPO_ROOT, stdio: 'inherit' },
      );
    }
  }
  const bundle = initialJsSize(APP_DIST);
  log(
    `Initial JS: ${bundle.gzipKB} KB gzip (budget 150 KB): ${bundle.files.map((f) => `${f.file} ${Math.round(f.gzip / 1024)} KB`).join(', ')}`,
  );

  for (const workload of options.workloads) buildStreamPlan(workload.params);
  const quiet = () => undefined;
  const app = await startServer({ port: 0, env: {}, distDir: APP_DIST, log: quiet });
  const reference = options.variants.some((v) => v !== 'app')
    ? await startServer({ port: 0, env: {}, distDir: REFERENCE_DIST, log: quiet })
    : undefined;
  const synth = await startSynthServer({ port: 0 });
  const launch = launchOptions();
  const browser = await chromium.launch(launch);
  const chromiumVersion = browser.version();
  log(
    `Chromium ${chromiumVersion} (${launch.executablePath ?? 'Playwright default'}), headless, ${launch.args?.join(' ')}`,
  );

  /** @type {Cell[]} */
  const cells = [];
  const started = Date.now();
  /** @type {import('./measure.mjs').Calibration | undefined} */
  let calibration;
  try {
    {
      const context = await browser.newContext({ viewport: VIEWPORT });
      calibration = await calibrate(await context.newPage());
      await context.close();
    }
    log(
      `Calibration: median rAF interval ${calibration.medianFrameMs} ms, p95 ${calibration.p95FrameMs} ms over ${calibration.frames} frames; idle page busy ${fmt(calibration.idleBusy * 100)}%`,
    );
    if (!calibration.ok) {
      log('Warning: the frame clock is not ~16.7 ms; frame-based metrics are not comparable.');
    }

    /** @param {Variant} variant */
    const urlOf = (variant) =>
      variant === 'app'
        ? `${app.url}/`
        : `${reference?.url}/?renderer=${variant === 'floor' ? 'none' : variant}`;

    for (const workload of options.workloads) {
      for (const mode of options.modes) {
        /** @type {Cell[]} */
        const group = options.variants.map((variant) => ({
          workload: workload.id,
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
            const label = `${workload.id} ${mode} ${cell.variant} ${isWarmup ? 'warm-up' : `run ${i - options.warmups + 1}/${options.runs}`}`;
            const runStarted = Date.now();
            try {
              const metrics = await measureRun(page, {
                url: urlOf(cell.variant),
                kind: cell.variant === 'app' ? 'app' : 'reference',
                synthUrl: synth.url,
                params: workload.params,
                panel: mode,
                history: workload.history,
              });
              log(
                `${label}: ${runLine(metrics)} (${Math.round((Date.now() - runStarted) / 1000)} s)`,
              );
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
  } finally {
    await browser.close();
    await synth.close();
    await app.close();
    await reference?.close();
  }

  const targets = checkTargets(cells, bundle);
  const ratioRows = ratios(cells);
  const endMachine = {
    ...host,
    loadAverageEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
  const minutes = Math.round((Date.now() - started) / 6000) / 10;
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
        options: { ...options, workloads: options.workloads.map((w) => w.id) },
        workloads: options.workloads,
        minutes,
        cells,
        ratios: ratioRows,
        targets,
      },
      null,
      2,
    ),
  );

  const ratioTable = [
    '| workload | panel | reference | µs/token ×app | busy ×app | byte→paint p95 ×app |',
    '|---|---|---|---:|---:|---:|',
    ...ratioRows.map(
      (r) =>
        `| ${r.workload} | ${r.mode} | ${r.reference} | ${fmt(r.usPerToken, 2)} | ${fmt(r.busy, 2)} | ${fmt(r.byteToPaintP95, 2)} |`,
    ),
  ].join('\n');
  const targetTable = [
    '| target | scope | value (median) | limit | result |',
    '|---|---|---:|---|---|',
    ...targets.map(
      (t) =>
        `| ${t.target} | ${t.scope} | ${fmt(t.value, 2)} | ${t.limit} | ${t.pass ? 'pass' : '**FAIL**'} |`,
    ),
  ].join('\n');
  const report = [
    '# Streaming render benchmark',
    '',
    `${new Date().toISOString()} · ${endMachine.nproc} CPUs (${endMachine.cpuModel}) · load ${endMachine.loadAverage.join(' ')} → ${endMachine.loadAverageEnd.join(' ')} · Chromium ${chromiumVersion} headless · calibration ${calibration?.medianFrameMs} ms/frame, idle busy ${fmt((calibration?.idleBusy ?? NaN) * 100)}% · ${minutes} min`,
    '',
    `Workloads: ${options.workloads.map((w) => `${w.id} ${w.label}`).join('; ')}. ${options.runs} run(s) per cell after ${options.warmups} warm-up; values are medians, p95 over runs in parentheses.`,
    '',
    markdownTable(cells),
    '',
    'Reference ÷ app (higher = the app is cheaper / faster):',
    '',
    ratioTable,
    '',
    `Initial JS: ${bundle.gzipKB} KB gzip (${bundle.files.map((f) => f.file).join(', ')}).`,
    '',
    targetTable,
    '',
  ].join('\n');
  writeFileSync(path.join(REPORT_DIR, 'results.md'), report);
  log('');
  log(report);
  log(`Written: ${path.relative(REPO_ROOT, path.join(REPORT_DIR, 'results.json'))}, results.md`);

  const failed = targets.filter((t) => !t.pass);
  const incomplete = cells.filter((c) => c.errors.length > 0 || c.runs.some((r) => !r.complete));
  for (const cell of incomplete) {
    log(
      `Incomplete: ${cell.workload} ${cell.mode} ${cell.variant}: ${cell.errors.join('; ') || 'stream incomplete'}`,
    );
  }
  if (failed.length > 0) {
    log(
      `Missed targets: ${failed.map((t) => `${t.scope}: ${t.target} (${fmt(t.value, 2)})`).join('; ')}`,
    );
    return 1;
  }
  log('All targets met.');
  return 0;
}

// Run only as a command (`profile.mjs` imports the workload table).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
